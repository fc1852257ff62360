// 12345 hotline requests (诉求): intake, dispatch, sign-for, reply, rating, close. Every step is one
// guarded update naming the status it expects (services/hotline/transitions.ts); the history
// entry is pushed in the same update. Deadlines are instants computed from the working-day
// calendar; `originalReplyDue` never moves, so an approved extension does not flatter the figures.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const HOTLINE_TYPES = ['咨询', '求助', '投诉', '建议', '举报'] as const;
export type HotlineType = (typeof HOTLINE_TYPES)[number];
export const HOTLINE_STATUSES = ['received', 'center_review', 'dispatched', 'signed', 'replied', 'closed', 'merged'] as const;
export type HotlineStatus = (typeof HOTLINE_STATUSES)[number];
export const HOTLINE_CHANNELS = ['mini_program', 'phone', 'open311'] as const;
export const REPLY_OUTCOMES = ['已解决', '部分解决', '未解决', '已解释'] as const;
export const RATINGS = ['满意', '基本满意', '不满意'] as const;

const historySchema = new Schema(
  {
    action: { type: String, required: true },
    at: { type: Date, required: true },
    by: { kind: { type: String, required: true }, id: { type: String, required: true } },
    note: { type: String, default: '' },
    /** Internal notes of the handling department: never shown to the citizen. */
    internal: { type: Boolean, default: false },
  },
  { _id: false },
);

const replySchema = new Schema(
  {
    outcome: { type: String, enum: REPLY_OUTCOMES, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
    department: String,
  },
  { _id: false },
);

const hotlineRequestSchema = new Schema(
  {
    /** The number the citizen quotes: 12345-YYYYMMDD-000123. */
    number: { type: String, required: true },
    type: { type: String, enum: HOTLINE_TYPES, required: true },
    category: { type: String, required: true },
    text: { type: String, required: true },
    location: { address: { type: String, default: '' }, lat: { type: Number, default: null }, long: { type: Number, default: null } },
    photos: {
      type: [{ fileId: Schema.Types.ObjectId, contentType: String, size: Number, sha256: String, _id: false }],
      default: [],
    },
    channel: { type: String, enum: HOTLINE_CHANNELS, required: true },
    contactAllowed: { type: Boolean, default: true },
    /** 举报 without a name shown: the reporter is known to the hotline center only. */
    anonymous: { type: Boolean, default: false },
    citizenId: { type: Schema.Types.ObjectId, default: null },
    /** The caller of a phone call or partner's reporter: name and number encrypted (services/pii). */
    caller: { nameEnc: { type: String, default: null }, phoneEnc: { type: String, default: null }, phoneHash: { type: String, default: null } },
    partnerId: { type: String, default: null },
    /** GeoReport token of a request posted by a partner system. */
    token: { type: String, default: null },
    status: { type: String, enum: HOTLINE_STATUSES, default: 'received' },
    receivedAt: { type: Date, required: true },
    /** YYYY-MM of receipt in TZ_NAME: the month the figures count it in. */
    month: { type: String, required: true },
    department: { type: String, default: null },
    coHandlers: { type: [String], default: [] },
    /** The lead department and the co-handlers in one array: a department's work list is one index scan. */
    handlers: { type: [String], default: [] },
    dispatchedAt: { type: Date, default: null },
    signDue: { type: Date, default: null },
    signedAt: { type: Date, default: null },
    contactDue: { type: Date, required: true },
    contactedAt: { type: Date, default: null },
    replyDue: { type: Date, required: true },
    originalReplyDue: { type: Date, required: true },
    extension: {
      status: { type: String, enum: ['none', 'requested', 'approved', 'refused'], default: 'none' },
      reason: { type: String, default: '' },
      days: { type: Number, default: 0 },
    },
    returns: { type: Number, default: 0 },
    /** Departments that sent it back (退单), one entry per return: the figures count them. */
    returnedBy: { type: [String], default: [] },
    replies: { type: [replySchema], default: [] },
    repliedAt: { type: Date, default: null },
    /** The first reply's instant: what "replied on time" is measured by, against originalReplyDue. */
    firstRepliedAt: { type: Date, default: null },
    ratingDue: { type: Date, default: null },
    rating: { value: { type: String, enum: [...RATINGS, null], default: null }, by: { type: String, default: null }, at: { type: Date, default: null } },
    reopened: { type: Boolean, default: false },
    closedAt: { type: Date, default: null },
    mergedInto: { type: String, default: null },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, versionKey: false },
);
hotlineRequestSchema.index({ number: 1 }, { unique: true });
hotlineRequestSchema.index({ token: 1 }, { unique: true, partialFilterExpression: { token: { $type: 'string' } } });
hotlineRequestSchema.index({ citizenId: 1, receivedAt: -1 });
hotlineRequestSchema.index({ department: 1, status: 1, receivedAt: -1 });
hotlineRequestSchema.index({ handlers: 1, receivedAt: -1 });
hotlineRequestSchema.index({ status: 1, receivedAt: -1 });
hotlineRequestSchema.index({ month: 1, department: 1 });
hotlineRequestSchema.index({ category: 1, receivedAt: -1 });
hotlineRequestSchema.index({ mergedInto: 1 }, { partialFilterExpression: { mergedInto: { $type: 'string' } } });
hotlineRequestSchema.index({ month: 1, returnedBy: 1 });
// The supervision job's queries: deadlines of dispatched and signed requests, rating windows.
hotlineRequestSchema.index({ status: 1, signDue: 1 });
hotlineRequestSchema.index({ status: 1, replyDue: 1 });
hotlineRequestSchema.index({ status: 1, ratingDue: 1 });

export type HotlineRequest = InferSchemaType<typeof hotlineRequestSchema>;
export type HotlineRequestDoc = HotlineRequest & { _id: mongoose.Types.ObjectId };
export const HotlineRequestModel = mongoose.model('HotlineRequest', hotlineRequestSchema, 'hotline_requests');
