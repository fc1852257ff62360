// An application (申请) for pre-review that becomes a case (办件) once accepted (受理).
// Status: draft → submitted → (supplement_required → submitted)* → approved | rejected;
// approved → accepted → completed. Every change is appended to `history` in the same update
// (services/applications/write.ts), which also sets `updatedAt`.
import mongoose, { Schema, type InferRawDocTypeFromSchema } from 'mongoose';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'supplement_required', 'approved', 'rejected', 'accepted', 'completed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const FEE_SETTLEMENTS = ['paid_online', 'paid_at_window', 'waived'] as const;
export type FeeSettlement = (typeof FEE_SETTLEMENTS)[number];

const historyEntrySchema = new Schema(
  {
    status: { type: String, enum: APPLICATION_STATUSES, required: true },
    at: { type: Date, required: true },
    by: { kind: { type: String, required: true }, id: { type: String, required: true } },
    note: { type: String, default: '' },
  },
  { _id: false },
);

const materialFileSchema = new Schema(
  {
    materialName: { type: String, required: true },
    fileId: { type: Schema.Types.ObjectId, required: true }, // GridFS file
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    /** The library entry (citizen_materials) this file was reused from, with the citizen's consent; null for an upload. */
    reusedFrom: { type: Schema.Types.ObjectId, default: null },
  },
  { _id: false },
);

export const DEFERRED_STATUSES = ['pending', 'received', 'waived'] as const;

/** A 可容缺 material the case was accepted without: the applicant's commitment and its due date. */
const deferredMaterialSchema = new Schema(
  {
    materialName: { type: String, required: true },
    commitment: { type: String, required: true },
    dueDate: { type: String, required: true }, // YYYY-MM-DD, a working day
    status: { type: String, enum: DEFERRED_STATUSES, default: 'pending' },
    resolvedAt: { type: Date, default: null },
    /** Why staff waived it (no longer needed). */
    note: { type: String, default: '' },
  },
  { _id: false },
);

const applicationSchema = new Schema(
  {
    citizenId: { type: Schema.Types.ObjectId, default: null }, // null for walk-in cases
    itemCode: { type: String, required: true },
    department: { type: String, required: true },
    /** Applicant shown (masked) on 办件公示: a person's name, encrypted, or a company's name. */
    applicantNameEnc: { type: String, default: null },
    applicantIsCompany: { type: Boolean, default: false },
    status: { type: String, enum: APPLICATION_STATUSES, default: 'draft' },
    materials: { type: [materialFileSchema], default: [] },
    /** The open one-time supplement notice (一次性告知): every missing or wrong material with a note. */
    supplement: {
      type: [new Schema({ materialName: String, note: String }, { _id: false })],
      default: [],
    },
    history: { type: [historyEntrySchema], default: [] },
    /** 一件事: a bundle application carries the bundle's code (`itemCode` holds it too) … */
    bundleCode: { type: String, default: null },
    /**
     * … every department with a part, each deciding its own part of pre-review (for any other
     * application its one department: the staff work queue reads this field) …
     */
    departments: { type: [String], default: [] },
    parts: {
      type: [
        new Schema(
          {
            department: { type: String, required: true },
            decision: { type: String, enum: ['approve', 'supplement', null], default: null },
            missing: { type: [new Schema({ materialName: String, note: String }, { _id: false })], default: [] },
            by: { type: String, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    /** … and a member case (one item of an accepted bundle) names its bundle application. */
    bundleId: { type: Schema.Types.ObjectId, default: null },
    /** 容缺受理: materials accepted missing; the case completes only once none is pending. */
    deferred: { type: [deferredMaterialSchema], default: [] },
    acceptedAt: { type: Date, default: null },
    acceptedDate: { type: String, default: null }, // YYYY-MM-DD
    deadline: { type: String, default: null }, // YYYY-MM-DD, the last working day
    completedAt: { type: Date, default: null },
    completedDate: { type: String, default: null },
    onTime: { type: Boolean, default: null },
    onsiteVisits: { type: Number, default: null },
    evaluated: { type: Boolean, default: false },
    /** 好差评 score 1..5 copied here for the published figures (the rater is never stored here). */
    evaluationScore: { type: Number, default: null },
    evaluatedAt: { type: Date, default: null },
    paid: { type: Boolean, default: false },
    /**
     * How the fee was settled, when it was (services/applications/fee.ts): `status` null is
     * "not yet" (or no fee); `paid_online` is set by the WeChat Pay settlement, `paid_at_window`
     * and `waived` by staff. Each is one guarded update on `fee.status`, so a window payment and
     * a WeChat Pay notify arriving together settle the fee once.
     */
    fee: {
      status: { type: String, enum: [...FEE_SETTLEMENTS, null], default: null },
      method: { type: String, enum: ['pos', 'cash', null], default: null },
      receiptNo: { type: String, default: null },
      amountFen: { type: Number, default: null },
      reason: { type: String, default: null },
      legalBasis: { type: String, default: null },
      at: { type: Date, default: null },
      by: { type: String, default: null },
      /** The WeChat Pay order `paid_online` counts (the latest settled); a full refund clears it only while it names a refunded order. */
      outTradeNo: { type: String, default: null },
      /** Online payments that arrived after the fee was settled otherwise: to be refunded. */
      duplicateOrders: { type: [String], default: [] },
    },
    /** When the open supplement notice was issued; replacements must be uploaded after it. */
    supplementRequestedAt: { type: Date, default: null },
    /** 整改 reply to a 差评, copied from the rectification when it is closed, for the owner to read. */
    rectificationReply: { type: String, default: null },
    rectifiedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);
// Each hot query has its index (test/applications/indexes.test.ts shows explain() uses it):
// the staff work queue, by department and status, oldest change first; the same across departments;
applicationSchema.index({ departments: 1, status: 1, updatedAt: 1, _id: 1 });
applicationSchema.index({ status: 1, updatedAt: 1, _id: 1 });
// a citizen's own list, newest first;
applicationSchema.index({ citizenId: 1, createdAt: -1, _id: -1 });
// what changed since the 办件公示 watermark (services/publishing/publish.ts);
applicationSchema.index({ updatedAt: 1, _id: 1 });
// the service figures of a day: cases accepted and completed on it (services/figures/compute.ts).
applicationSchema.index({ acceptedDate: 1 });
applicationSchema.index({ completedDate: 1 });
// a department's case register of a period (services/figures/register-export.ts).
applicationSchema.index({ department: 1, acceptedDate: 1 });

// accepted cases still waiting for a 容缺 material, by due date (jobs/deferred-materials.ts).
applicationSchema.index({ 'deferred.status': 1, 'deferred.dueDate': 1 });

// the member cases of a bundle, each created once.
applicationSchema.index({ bundleId: 1, itemCode: 1 }, { unique: true, partialFilterExpression: { bundleId: { $type: 'objectId' } } });

// Every application names its departments: one, or a bundle's several (set by the bundle itself).
applicationSchema.pre('validate', function () {
  if (this.departments.length === 0 && this.department) this.departments = [this.department];
});

/** An application as stored (and as read with lean()). */
export type Application = InferRawDocTypeFromSchema<typeof applicationSchema>;
export const ApplicationModel = mongoose.model('Application', applicationSchema, 'applications');
