// Version counters other instances poll to learn that cached data changed (the catalogue,
// screen devices …): cheap to read, bumped with one atomic $inc.
import mongoose, { Schema } from 'mongoose';

const changeCounterSchema = new Schema(
  { _id: { type: String, required: true }, version: { type: Number, default: 0 } },
  { versionKey: false },
);

export const ChangeCounterModel = mongoose.model('ChangeCounter', changeCounterSchema, 'change_counters');

/** Bumps `name` and returns the new version. */
export async function bumpVersion(name: string): Promise<number> {
  const doc = await ChangeCounterModel.findOneAndUpdate({ _id: name }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
  return doc?.version ?? 0;
}

/** The current version of `name` (0 before the first change). */
export async function readVersion(name: string): Promise<number> {
  const doc = await ChangeCounterModel.findById(name).lean();
  return doc?.version ?? 0;
}
