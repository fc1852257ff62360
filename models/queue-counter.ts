// Per window group and day ticket counters (`_id` = `group:date`), bumped with one atomic
// $inc (server/counters.ts) so that two check-ins at once never get the same number. A
// counter expires through a TTL index a week after its day.
import mongoose, { Schema } from 'mongoose';
import { bumpCounter } from '../server/counters.ts';

const KEEP_MS = 8 * 24 * 3600_000;

const queueCounterSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, default: 0 },
    date: { type: String, required: true },
    expiresAt: { type: Date, required: true, expires: 0 },
  },
  { versionKey: false },
);

export const QueueCounterModel = mongoose.model('QueueCounter', queueCounterSchema, 'queue_counters');

/** The next number of `windowGroup` on `date` (1, 2, …); `now` is the instant of issue. */
export function nextTicketNumber(windowGroup: string, date: string, now: Date): Promise<number> {
  return bumpCounter(QueueCounterModel, `${windowGroup}:${date}`, 'seq', { date, expiresAt: new Date(now.getTime() + KEEP_MS) });
}
