// Claims: documents whose `_id` is the thing claimed. Inserting one is the only write that
// is race-proof on both MongoDB and FerretDB v1 (whose SQLite backend applies even a
// conditional updateOne as read-then-write), so every "only one may win" decision in
// OneTrip is an insert here, and giving something back is a delete.
import mongoose, { Schema } from 'mongoose';

const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** What kind of claim (seat, transition, idempotency …), for cleanup and debugging. */
    kind: { type: String, required: true },
    holder: { type: String, default: '' },
    data: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true },
    /** When a job may delete it; null while it stands for something active. */
    expiresAt: { type: Date, default: null, index: true },
  },
  { versionKey: false },
);
claimSchema.index({ kind: 1, createdAt: 1 });

export const ClaimModel = mongoose.model('Claim', claimSchema, 'claims');
