// 办件公示, append-only: every change of a case's public row is a new version (an insert,
// the one write FerretDB does without scanning the collection), ordered by `stamp`. Each
// process keeps the latest version of every case in memory (services/publishing/ledger.ts);
// superseded versions are compacted nightly (services/publishing/compact.ts).
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const publishedCaseSchema = new Schema(
  {
    caseId: { type: Schema.Types.ObjectId, required: true, index: true }, // the application's id
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
    /** Applications updated before this instant are published. */
    watermark: { type: Date, default: null },
    /** The last change-feed number consumed (models/application-change.ts); null before the first publish. */
    changeSeq: { type: Number, default: null },
    /** The last full read by `updatedAt` (the safety net for changes missing from the feed). */
    rescannedAt: { type: Date, default: null },
    /** The highest version stamp written. */
    stamp: { type: Number, default: 0 },
    windowStart: { type: String, default: null },
    stats: { type: Schema.Types.Mixed, default: null },
    publishedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const PublishStateModel = mongoose.model('PublishState', publishStateSchema, 'publish_state');
