// One document per request counted by a rate limit: `_id` = `<key>:<window>:<n>`. Taking the
// n-th place of a window is an insert keyed by `_id` alone, which is exact on FerretDB too and
// needs no index but the primary key (FerretDB pushes down nothing else).
import mongoose, { Schema } from 'mongoose';

const rateSlotSchema = new Schema(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const RateSlotModel = mongoose.model('RateSlot', rateSlotSchema, 'rate_slots');
