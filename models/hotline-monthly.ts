// Monthly hotline figures per department, written by the publishing job from the records
// (services/hotline/figures.ts): recomputing a month reproduces its rows exactly.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const hotlineMonthlySchema = new Schema(
  {
    _id: { type: String, required: true }, // `${month}:${department}`
    month: { type: String, required: true },
    department: { type: String, required: true },
    received: { type: Number, required: true },
    signedOnTime: { type: Number, required: true },
    contactedOnTime: { type: Number, required: true },
    repliedOnTime: { type: Number, required: true },
    replied: { type: Number, required: true },
    rated: { type: Number, required: true },
    satisfied: { type: Number, required: true },
    returned: { type: Number, required: true },
    extended: { type: Number, required: true },
    reopened: { type: Number, required: true },
    computedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
hotlineMonthlySchema.index({ month: 1, department: 1 });

export type HotlineMonthly = InferSchemaType<typeof hotlineMonthlySchema>;
export const HotlineMonthlyModel = mongoose.model('HotlineMonthly', hotlineMonthlySchema, 'hotline_monthly');
