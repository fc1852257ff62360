// Per window group and day ticket counters (`_id` = `group:date`), bumped with one atomic
// $inc so that two check-ins at once never get the same number.
import mongoose, { Schema } from 'mongoose';
import { isDuplicateKey } from '../server/mongo-errors.ts';

const queueCounterSchema = new Schema(
  { _id: { type: String, required: true }, seq: { type: Number, default: 0 }, date: { type: String, required: true, index: true } },
  { versionKey: false },
);

export const QueueCounterModel = mongoose.model('QueueCounter', queueCounterSchema, 'queue_counters');

/** The next number of `windowGroup` on `date` (1, 2, …). */
export async function nextTicketNumber(windowGroup: string, date: string, attempt = 0): Promise<number> {
  try {
    const doc = await QueueCounterModel.findOneAndUpdate(
      { _id: `${windowGroup}:${date}` },
      { $inc: { seq: 1 }, $setOnInsert: { date } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return doc!.seq;
  } catch (error) {
    // Two first-of-the-day upserts can race on the insert; the loser retries as an update.
    if (isDuplicateKey(error) && attempt < 3) return nextTicketNumber(windowGroup, date, attempt + 1);
    throw error;
  }
}
