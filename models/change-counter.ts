// Version counters other instances poll to learn that cached data changed (the catalogue,
// screen devices …): cheap to read, bumped with one atomic $inc.
import mongoose, { Schema } from 'mongoose';
import { isDuplicateKey } from '../server/mongo-errors.ts';

const changeCounterSchema = new Schema(
  { _id: { type: String, required: true }, version: { type: Number, default: 0 } },
  { versionKey: false },
);

export const ChangeCounterModel = mongoose.model('ChangeCounter', changeCounterSchema, 'change_counters');

/**
 * Sets `name` to a fresh version and returns it. A fresh random-ish value rather than $inc:
 * FerretDB may apply two concurrent increments as one, while two different values always
 * read as "changed".
 */
export async function bumpVersion(name: string): Promise<number> {
  const version = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  try {
    await ChangeCounterModel.updateOne({ _id: name }, { $set: { version } }, { upsert: true });
  } catch (error) {
    // Two first bumps at once: both upserts insert, one loses on the key; the row exists now.
    if (!isDuplicateKey(error)) throw error;
    await ChangeCounterModel.updateOne({ _id: name }, { $set: { version } });
  }
  return version;
}

/** The current version of `name` (0 before the first change). */
export async function readVersion(name: string): Promise<number> {
  const doc = await ChangeCounterModel.findById(name).lean();
  return doc?.version ?? 0;
}
