// Atomic counters, one document per counter, in one collection: the catalogue's version
// (`version:catalogue`, polled by other instances), queue ticket numbers per window group and day
// (`ticket:<group>:<date>`) and rate-limit windows (`rate:<key>:<windowStart>`). Counters with an
// `expiresAt` are removed by a TTL index once it passes; those without it stay. Values that
// must be distinct (ticket numbers) come from bumpCounter; counts against a limit from
// tallyCounter, one round trip.
//
// A bump is not one upsert: when the first bumps of a counter race, SecantusDB 0.7.0b3 can answer
// an upsert that did count with no document at all, so that caller's count would be lost.
// Instead: $inc the counter if it exists, else insert it at 1, and if a racing bump inserted it
// first, $inc again (a few times: a racing insert can be seen by the unique index first). Every
// step is atomic, so each caller gets a distinct value on any server.
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

const BUMP_ATTEMPTS = 5;

export const CounterModel = mongoose.model('Counter', counterSchema, 'counters');

interface CounterDoc {
  _id: string;
  value: number;
  expiresAt?: Date;
}

/** The collection through the driver: the counters' writes are plain, and answer plain documents. */
const counters = () => CounterModel.db.collection<CounterDoc>(CounterModel.collection.collectionName);

/** Adds one to counter `id` (created with `expiresAt`, if given, when new) and answers the new value. */
export async function bumpCounter(id: string, expiresAt?: Date): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const bumped = (await counters().findOneAndUpdate({ _id: id }, { $inc: { value: 1 } }, { returnDocument: 'after' }))?.value;
    if (typeof bumped === 'number') return bumped;
    try {
      await counters().insertOne({ _id: id, value: 1, ...(expiresAt ? { expiresAt } : {}) });
      return 1;
    } catch (error) {
      // A racing bump inserted it first; under contention its insert can still be settling
      // (SecantusDB), so the $inc is tried again a few times before this gives up.
      if (!isDuplicateKey(error) || attempt === BUMP_ATTEMPTS) throw error;
    }
  }
}

/**
 * Counts one more on counter `id` (created with `expiresAt`, if given, when new) in one upsert and
 * answers a value at least the count's own rank: exact when the upsert answers its document, as
 * MongoDB's always does. When racing first counts make SecantusDB answer none (the count is still
 * made), the value read afterwards is the best known: never below the count's rank, so "at most N"
 * still holds, but racers at a window's first instant may be refused early (on a loaded machine,
 * nearly all of them). For limits, where that is harmless and production's MongoDB is exact;
 * ticket numbers, which must be distinct, use bumpCounter.
 */
export async function tallyCounter(id: string, expiresAt?: Date): Promise<number> {
  try {
    const after = await counters().findOneAndUpdate(
      { _id: id },
      { $inc: { value: 1 }, ...(expiresAt ? { $setOnInsert: { expiresAt } } : {}) },
      { upsert: true, returnDocument: 'after' },
    );
    if (after) return after.value;
  } catch (error) {
    // Two first counts raced to insert and this one lost without counting: count on the winner's.
    if (!isDuplicateKey(error)) throw error;
    return bumpCounter(id, expiresAt);
  }
  return readCounter(id);
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
