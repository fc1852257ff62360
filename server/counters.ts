// Atomic counters (queue ticket numbers, rate-limit windows): one document per counter, bumped
// with $inc. Not one upsert: when the first bumps of a counter race, SecantusDB 0.7.0b3 can answer an
// upsert that did count with no document at all, so that caller's count would be lost. Instead:
// $inc the counter if it exists, else insert it at 1, and if a racing bump inserted it first,
// $inc again. Every step is atomic, so each caller gets a distinct value on any server.
import type { Document } from 'mongodb';
import type { Connection } from 'mongoose';
import { isDuplicateKey } from './mongo-errors.ts';

type CounterDoc = Document & { _id: string };
/** What bumpCounter needs of a mongoose model: its connection and collection name. */
interface CounterModel {
  db: Connection;
  collection: { collectionName: string };
}

/** Adds one to `field` of counter `id` (inserted with `onInsert` when new) and answers the new value. */
export async function bumpCounter(model: CounterModel, id: string, field: string, onInsert: Record<string, unknown> = {}): Promise<number> {
  const counters = model.db.collection<CounterDoc>(model.collection.collectionName);
  const bump = async () => (await counters.findOneAndUpdate({ _id: id }, { $inc: { [field]: 1 } }, { returnDocument: 'after' }))?.[field];
  const bumped = await bump();
  if (typeof bumped === 'number') return bumped;
  try {
    await counters.insertOne({ ...onInsert, _id: id, [field]: 1 });
    return 1;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const second = await bump();
  if (typeof second !== 'number') throw new Error(`counter ${id} vanished while being bumped`);
  return second;
}
