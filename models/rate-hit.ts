// One document per counted event (a request, a failed login). Counting inserted documents is
// exact on FerretDB too, where concurrent $inc on a counter can lose increments.
import mongoose, { Schema } from 'mongoose';

const rateHitSchema = new Schema(
  {
    key: { type: String, required: true },
    at: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);
rateHitSchema.index({ key: 1, at: 1 });

export const RateHitModel = mongoose.model('RateHit', rateHitSchema, 'rate_hits');
