// The lobby-screen snapshot of each hall, rebuilt by a job every few seconds and copied into
// every instance's memory: polls never read the database. `body` is the exact JSON answer
// and `etag` its hash, so an unchanged hall keeps its ETag.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const screenSnapshotSchema = new Schema(
  {
    _id: { type: String, required: true }, // hall code
    body: { type: String, required: true },
    etag: { type: String, required: true },
    builtAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type ScreenSnapshot = InferSchemaType<typeof screenSnapshotSchema>;
export const ScreenSnapshotModel = mongoose.model('ScreenSnapshot', screenSnapshotSchema, 'screen_snapshots');
