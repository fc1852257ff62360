// Version counters other instances poll to learn that data they keep in memory changed (the
// catalogue): one small document per name, bumped with one atomic $inc.
import mongoose, { Schema } from 'mongoose';
import { isDuplicateKey } from '../server/mongo-errors.ts';

const changeCounterSchema = new Schema({ _id: { type: String, required: true }, version: { type: Number, default: 0 } }, { versionKey: false });

export const ChangeCounterModel = mongoose.model('ChangeCounter', changeCounterSchema, 'change_counters');

/** Increments `name`'s version and returns the new one. */
export async function bumpVersion(name: string): Promise<number> {
  const bump = (upsert: boolean) => ChangeCounterModel.findOneAndUpdate({ _id: name }, { $inc: { version: 1 } }, { upsert, returnDocument: 'after' }).lean();
  try {
    return (await bump(true))?.version ?? 0;
  } catch (error) {
    // Two first bumps at once: both upserts insert, one loses on the key; the document exists now.
    if (!isDuplicateKey(error)) throw error;
    return (await bump(false))?.version ?? 0;
  }
}

/** The current version of `name` (0 before the first change). */
export async function readVersion(name: string): Promise<number> {
  const doc = await ChangeCounterModel.findById(name).lean();
  return doc?.version ?? 0;
}
