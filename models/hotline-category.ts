// The hotline's category tree (城乡建设/物业管理 …), configured by center admins: each category may
// name the department requests of it are dispatched to, and override the type's time limits.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const hotlineCategorySchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    parent: { type: String, default: null },
    /** Dispatch rule: requests of this category go to this department; null: by hand. */
    department: { type: String, default: null },
    /** Overrides of the type defaults (services/hotline/limits.ts); null: the default. */
    contactDays: { type: Number, default: null },
    replyDays: { type: Number, default: null },
    signHours: { type: Number, default: null },
    active: { type: Boolean, default: true },
    sortOrder: { type: Number, default: 0 },
  },
  { timestamps: true, versionKey: false },
);
hotlineCategorySchema.index({ parent: 1, sortOrder: 1 });

export type HotlineCategory = InferSchemaType<typeof hotlineCategorySchema>;
export const HotlineCategoryModel = mongoose.model('HotlineCategory', hotlineCategorySchema, 'hotline_categories');
