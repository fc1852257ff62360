// 整改: the task a 差评 (score 1–2) opens for the department; closed by an admin's reply,
// which the citizen reads on the application.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const RECTIFICATION_STATUSES = ['open', 'closed'] as const;

const rectificationSchema = new Schema(
  {
    applicationId: { type: Schema.Types.ObjectId, required: true, unique: true },
    evaluationId: { type: Schema.Types.ObjectId, required: true },
    department: { type: String, required: true },
    itemCode: { type: String, required: true },
    score: { type: Number, required: true },
    comment: { type: String, default: '' },
    status: { type: String, enum: RECTIFICATION_STATUSES, default: 'open' },
    openedAt: { type: Date, required: true },
    deadline: { type: String, required: true }, // YYYY-MM-DD, the last working day
    reply: { type: String, default: null },
    closedAt: { type: Date, default: null },
    closedBy: { type: String, default: null }, // staff id
    /** The business date of the last due warning, so the warning job runs safely twice a day. */
    lastWarnedDate: { type: String, default: null },
  },
  { timestamps: true, versionKey: false },
);
rectificationSchema.index({ status: 1, deadline: 1 });
rectificationSchema.index({ department: 1, status: 1 });
/** The day's closed rectifications (services/figures/compute.ts). */
rectificationSchema.index({ closedAt: 1 });

export type Rectification = InferSchemaType<typeof rectificationSchema>;
export const RectificationModel = mongoose.model('Rectification', rectificationSchema, 'rectifications');
