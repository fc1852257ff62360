// Ticket counters per hall, prefix and day (`_id` = `hall:prefix:date`), bumped with one atomic
// $inc (server/counters.ts) so that two tickets at once never get the same number, and numbered
// across every window group of the hall that shares the prefix, so a number is issued once per
// hall and day. A counter expires through a TTL index a week after its day.
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

/** The next number of `prefix` in `hallCode` on `date` (1, 2, …); `now` is the instant of issue. */
export function nextTicketNumber(hallCode: string, prefix: string, date: string, now: Date): Promise<number> {
  return bumpCounter(QueueCounterModel, `${hallCode}:${prefix}:${date}`, 'seq', { date, expiresAt: new Date(now.getTime() + KEEP_MS) });
}
