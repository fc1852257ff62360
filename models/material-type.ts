// A material type (材料类型): one kind of paper across items, so a file approved for one item
// can be reused for another (居民身份证 is one type in many items). `materialNames` maps the
// names items give it to the type; a name maps to at most one type (unique multikey index).
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const materialTypeSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    materialNames: { type: [String], default: [] },
    /** How long an approved file stays valid, in months (a certificate of no criminal record: 6). */
    validMonths: { type: Number, default: 6, min: 1 },
    /** The reviewer enters the document's own expiry date (an ID card's 有效期限) at approval. */
    expiryEntered: { type: Boolean, default: false },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
materialTypeSchema.index({ materialNames: 1 }, { unique: true, partialFilterExpression: { 'materialNames.0': { $exists: true } } });

export type MaterialType = InferSchemaType<typeof materialTypeSchema>;
export const MaterialTypeModel = mongoose.model('MaterialType', materialTypeSchema, 'material_types');
