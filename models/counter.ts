// Atomic counters, one document per counter, in one collection: the catalogue's version
// (`version:catalogue`, polled by other instances), queue ticket numbers per window group and day
// (`ticket:<group>:<date>`) and rate-limit windows (`rate:<key>:<windowStart>`). Counters with an
// `expiresAt` are removed by a TTL index once it passes; those without it stay.
//
// A bump is not one upsert: when the first bumps of a counter race, SecantusDB 0.7.0b3 can answer
// an upsert that did count with no document at all, so that caller's count would be lost.
// Instead: $inc the counter if it exists, else insert it at 1, and if a racing bump inserted it
// first, $inc again. Every step is atomic, so each caller gets a distinct value on any server.
import mongoose, { Schema } from 'mongoose';
import { isDuplicateKey } from '../server/mongo-errors.ts';

const counterSchema = new Schema(
  {
    _id: { type: String, required: true },
    value: { type: Number, default: 0 },
    expiresAt: { type: Date },
  },
  { versionKey: false },
);
counterSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const CounterModel = mongoose.model('Counter', counterSchema, 'counters');

interface CounterDoc {
  _id: string;
  value: number;
  expiresAt?: Date;
}

/** Adds one to counter `id` (created with `expiresAt`, if given, when new) and answers the new value. */
export async function bumpCounter(id: string, expiresAt?: Date): Promise<number> {
  const counters = CounterModel.db.collection<CounterDoc>(CounterModel.collection.collectionName);
  const bump = async () => (await counters.findOneAndUpdate({ _id: id }, { $inc: { value: 1 } }, { returnDocument: 'after' }))?.value;
  const bumped = await bump();
  if (typeof bumped === 'number') return bumped;
  try {
    await counters.insertOne({ _id: id, value: 1, ...(expiresAt ? { expiresAt } : {}) });
    return 1;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const second = await bump();
  if (typeof second !== 'number') throw new Error(`counter ${id} vanished while being bumped`);
  return second;
}

/** Counter `id`'s value (0 before its first bump). */
export async function readCounter(id: string): Promise<number> {
  return (await CounterModel.findById(id, { value: 1 }).lean())?.value ?? 0;
}

/** Raises counter `id` to at least `value` (never lowers it), creating it when absent. */
export async function raiseCounter(id: string, value: number, expiresAt?: Date): Promise<void> {
  await CounterModel.updateOne({ _id: id }, { $max: { value }, ...(expiresAt ? { $setOnInsert: { expiresAt } } : {}) }, { upsert: true });
}

/** Forgets counter `id`. */
export async function deleteCounter(id: string): Promise<void> {
  await CounterModel.deleteOne({ _id: id });
}
