// Notices for department staff (a rectification falling due …), read by the staff client.
// A notice given at most once (per case, kind and day) carries a `dedupeKey`, unique among
// notices that have one: a second run's insert is a duplicate key.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const staffNoticeSchema = new Schema(
  {
    department: { type: String, required: true },
    /** Which staff role the notice is for. */
    audience: { type: String, enum: ['dept_admin', 'window'], default: 'dept_admin' },
    kind: { type: String, required: true }, // rectification_due | rectification_overdue
    entity: { type: String, required: true },
    entityId: { type: String, required: true },
    message: { type: String, required: true },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
    dedupeKey: { type: String, default: null },
  },
  { versionKey: false },
);
staffNoticeSchema.index({ department: 1, createdAt: -1 });
staffNoticeSchema.index({ dedupeKey: 1 }, { unique: true, partialFilterExpression: { dedupeKey: { $type: 'string' } } });

export type StaffNotice = InferSchemaType<typeof staffNoticeSchema>;
export const StaffNoticeModel = mongoose.model('StaffNotice', staffNoticeSchema, 'staff_notices');
