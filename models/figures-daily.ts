// One day's service figures for one scope (the center, a department, an item or a window),
// recomputed from the records by the publishing job (services/figures/store.ts). Weeks, months
// and years are summed from days when read; waits keep a histogram of whole minutes so that
// the 90th percentile of any period is exact to the minute, not an average of daily p90s.
import mongoose, { Schema, type InferRawDocTypeFromSchema } from 'mongoose';

const bucketSchema = new Schema({ m: { type: Number, required: true }, n: { type: Number, required: true } }, { _id: false });
const durationSchema = new Schema(
  {
    count: { type: Number, default: 0 },
    seconds: { type: Number, default: 0 },
    /** Minutes (floored, the last bucket open-ended) → how many; sorted by minute. */
    hist: { type: [bucketSchema], default: [] },
  },
  { _id: false },
);

const figuresDailySchema = new Schema(
  {
    /** `${scope}|${date}`: a day's recompute replaces exactly its own documents. */
    _id: { type: String, required: true },
    /** `center`, `department:CODE`, `item:CODE` or `window:CODE`. */
    scope: { type: String, required: true },
    date: { type: String, required: true },
    bookings: { type: Number, default: 0 },
    checkIns: { type: Number, default: 0 },
    noShows: { type: Number, default: 0 },
    walkIns: { type: Number, default: 0 },
    wait: { type: durationSchema, default: () => ({}) },
    handling: { type: durationSchema, default: () => ({}) },
    accepted: { type: Number, default: 0 },
    completed: { type: Number, default: 0 },
    completedOnTime: { type: Number, default: 0 },
    oneVisit: { type: Number, default: 0 },
    ratings: { type: Number, default: 0 },
    scoreSum: { type: Number, default: 0 },
    satisfied: { type: Number, default: 0 },
    badRatings: { type: Number, default: 0 },
    rectified: { type: Number, default: 0 },
    rectifiedOnTime: { type: Number, default: 0 },
  },
  { versionKey: false },
);
/** A scope's days in a range (every read); a day's documents (every recompute). */
figuresDailySchema.index({ scope: 1, date: 1 }, { unique: true });
figuresDailySchema.index({ date: 1 });

export type FiguresDay = InferRawDocTypeFromSchema<typeof figuresDailySchema>;
export const FiguresDailyModel = mongoose.model('FiguresDaily', figuresDailySchema, 'figures_daily');
