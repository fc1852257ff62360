// 办件公示: the public, masked row of every accepted or completed case, plus what the case
// contributes to the daily figures (so a changed case can be subtracted and re-added).
// `stamp` orders changes so instances copy only what is new.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const publishedCaseSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true }, // the application's id
    itemCode: { type: String, required: true },
    itemName: { type: String, required: true },
    department: { type: String, required: true },
    departmentName: { type: String, required: true },
    applicant: { type: String, required: true }, // masked (张*三) or a company in full
    status: { type: String, enum: ['accepted', 'completed'], required: true },
    acceptedDate: { type: String, required: true, index: true },
    deadline: { type: String, default: null },
    completedDate: { type: String, default: null, index: true },
    onTime: { type: Boolean, default: null },
    /** Contributions to the figures. */
    oneVisit: { type: Boolean, default: null },
    evaluationScore: { type: Number, default: null },
    evaluatedDate: { type: String, default: null },
    /** The day the case is listed under: completion, else acceptance. Listed while within PUBLISH_DAYS. */
    pubDate: { type: String, required: true, index: true },
    /** A case that left accepted/completed stays as a tombstone so instances drop it too. */
    removed: { type: Boolean, default: false },
    stamp: { type: Number, required: true, index: true },
  },
  { versionKey: false },
);

export type PublishedCase = InferSchemaType<typeof publishedCaseSchema> & { _id: mongoose.Types.ObjectId };
export const PublishedCaseModel = mongoose.model('PublishedCase', publishedCaseSchema, 'published_cases');

const publishDailySchema = new Schema(
  {
    _id: { type: String, required: true }, // YYYY-MM-DD
    listed: { type: Number, default: 0 },
    accepted: { type: Number, default: 0 },
    completed: { type: Number, default: 0 },
    completedOnTime: { type: Number, default: 0 },
    completedOneVisit: { type: Number, default: 0 },
    evaluations: { type: Number, default: 0 },
    evaluationSum: { type: Number, default: 0 },
    satisfied: { type: Number, default: 0 },
  },
  { versionKey: false },
);

export const PublishDailyModel = mongoose.model('PublishDaily', publishDailySchema, 'publish_daily');

const publishStateSchema = new Schema(
  {
    _id: { type: String, required: true }, // 'progress'
    /** Applications updated before this instant are published. */
    watermark: { type: Date, default: null },
    /** The highest row stamp written; instances copy rows above what they have. */
    stamp: { type: Number, default: 0 },
    windowStart: { type: String, default: null },
    stats: { type: Schema.Types.Mixed, default: null },
    publishedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const PublishStateModel = mongoose.model('PublishState', publishStateSchema, 'publish_state');
