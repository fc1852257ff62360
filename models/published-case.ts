// 办件公示: the public row of each case, one document per case (`_id` = the application's id),
// rewritten in place when the row changes and given the tick's next `stamp`. Each process keeps
// every row in memory (services/publishing/ledger.ts) and reads only stamps newer than its own.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const publishedCaseSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true }, // the application's id
    /** Ordered across ticks: the ledger's "newer than mine" query runs on this index. */
    stamp: { type: Number, required: true, index: true },
    /** A case that left accepted/completed: instances drop it. */
    removed: { type: Boolean, default: false },
    itemCode: { type: String, default: '' },
    itemName: { type: String, default: '' },
    department: { type: String, default: '' },
    departmentName: { type: String, default: '' },
    applicant: { type: String, default: '' }, // masked (张*三) or a company in full
    status: { type: String, default: 'accepted' },
    acceptedDate: { type: String, default: '' },
    deadline: { type: String, default: null },
    completedDate: { type: String, default: null },
    onTime: { type: Boolean, default: null },
    /** What the case adds to the figures. */
    oneVisit: { type: Boolean, default: null },
    visits: { type: Number, default: null },
    deferredAccepted: { type: Boolean, default: false },
    reusedMaterials: { type: Number, default: 0 },
    evaluationScore: { type: Number, default: null },
    evaluatedDate: { type: String, default: null },
    /** The day the case is listed under: completion, else acceptance. */
    pubDate: { type: String, default: '' },
  },
  { versionKey: false },
);

export type PublishedCase = InferSchemaType<typeof publishedCaseSchema> & { _id: mongoose.Types.ObjectId };
export const PublishedCaseModel = mongoose.model('PublishedCase', publishedCaseSchema, 'published_cases');

const publishStateSchema = new Schema(
  {
    _id: { type: String, required: true }, // 'progress'
    /** The newest `updatedAt` published; the next tick re-reads from a little before it. */
    watermark: { type: Date, default: null },
    /** The highest version stamp written. */
    stamp: { type: Number, default: 0 },
    windowStart: { type: String, default: null },
    stats: { type: Schema.Types.Mixed, default: null },
    publishedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const PublishStateModel = mongoose.model('PublishState', publishStateSchema, 'publish_state');
