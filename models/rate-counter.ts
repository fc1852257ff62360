// Fixed-window counters of rate limits and failed logins: one document per key and window
// (`_id` = `key:windowStartISO`), counted with an atomic $inc and removed by a TTL index once
// its window has ended.
import mongoose, { Schema } from 'mongoose';

const rateCounterSchema = new Schema(
  {
    _id: { type: String, required: true },
    count: { type: Number, default: 0 },
    /** The end of the window. */
    expiresAt: { type: Date, required: true, expires: 0 },
  },
  { versionKey: false },
);

export const RateCounterModel = mongoose.model('RateCounter', rateCounterSchema, 'rate_counters');
