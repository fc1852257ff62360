// Notices to staff in the back office (deadline warnings …), one per recipient. `key` makes a
// job's repeated run write a notice once (per case, kind and day).
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const staffNoticeSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    staffId: { type: Schema.Types.ObjectId, required: true, index: true },
    department: { type: String, required: true },
    kind: { type: String, enum: ['deadline_due', 'deadline_overdue'], required: true },
    entity: { type: String, required: true },
    entityId: { type: String, required: true },
    message: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    read: { type: Boolean, default: false },
  },
  { timestamps: true, versionKey: false },
);

export type StaffNotice = InferSchemaType<typeof staffNoticeSchema>;
export const StaffNoticeModel = mongoose.model('StaffNotice', staffNoticeSchema, 'staff_notices');
