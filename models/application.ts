// An application (申请) for pre-review that becomes a case (办件) once accepted (受理).
// Status: draft → submitted → (supplement_required → submitted)* → approved | rejected;
// approved → accepted → completed. Every change is appended to `history` in the same update
// (services/applications/write.ts), which also sets `updatedAt`.
import mongoose, { Schema, type InferRawDocTypeFromSchema } from 'mongoose';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'supplement_required', 'approved', 'rejected', 'accepted', 'completed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

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
applicationSchema.index({ department: 1, status: 1, updatedAt: 1, _id: 1 });
applicationSchema.index({ status: 1, updatedAt: 1, _id: 1 });
// a citizen's own list, newest first;
applicationSchema.index({ citizenId: 1, createdAt: -1, _id: -1 });
// what changed since the 办件公示 watermark (services/publishing/publish.ts).
applicationSchema.index({ updatedAt: 1, _id: 1 });
// the service figures of a day: cases accepted and completed on it (services/figures/compute.ts).
applicationSchema.index({ acceptedDate: 1 });
applicationSchema.index({ completedDate: 1 });
// a department's case register of a period (services/figures/register-export.ts).
applicationSchema.index({ department: 1, acceptedDate: 1 });

/** An application as stored (and as read with lean()). */
export type Application = InferRawDocTypeFromSchema<typeof applicationSchema>;
export const ApplicationModel = mongoose.model('Application', applicationSchema, 'applications');
