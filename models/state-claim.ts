// One row per claimed state change. FerretDB (v1, SQLite) applies conditional updates as a
// separate read and write, so two `findOneAndUpdate({status: 'submitted'})` can both match;
// an insert with a unique `_id` is the one operation both it and MongoDB make atomic.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const stateClaimSchema = new Schema(
  {
    _id: { type: String, required: true }, // e.g. `application:<id>:<revision>`
    at: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export type StateClaim = InferSchemaType<typeof stateClaimSchema>;
export const StateClaimModel = mongoose.model('StateClaim', stateClaimSchema, 'state_claims');
