// A citizen's material library (材料库): every material file approved in pre-review, kept as
// the same GridFS file (no copy; the file's `metadata.refs` counts every application and
// library entry that holds it, services/library/file-refs.ts). Reused with the citizen's consent.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const citizenMaterialSchema = new Schema(
  {
    citizenId: { type: Schema.Types.ObjectId, required: true },
    /** The material type it satisfies (material_types code, or the material's own name when unmapped). */
    typeCode: { type: String, required: true },
    typeName: { type: String, required: true },
    materialName: { type: String, required: true },
    fileId: { type: Schema.Types.ObjectId, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    sourceApplicationId: { type: Schema.Types.ObjectId, required: true },
    /** The reviewer who approved it. */
    approvedBy: { type: String, required: true },
    approvedAt: { type: Date, required: true },
    /** YYYY-MM-DD, the last day it may be reused. */
    validUntil: { type: String, required: true },
  },
  { versionKey: false },
);
// Kept once per file (a retried approval is a duplicate key); a citizen's list, newest first;
// the still-valid matches of a type.
citizenMaterialSchema.index({ citizenId: 1, fileId: 1 }, { unique: true });
citizenMaterialSchema.index({ citizenId: 1, approvedAt: -1, _id: -1 });
citizenMaterialSchema.index({ citizenId: 1, typeCode: 1, validUntil: -1 });

export type CitizenMaterial = InferSchemaType<typeof citizenMaterialSchema>;
export type CitizenMaterialDoc = CitizenMaterial & { _id: mongoose.Types.ObjectId };
export const CitizenMaterialModel = mongoose.model('CitizenMaterial', citizenMaterialSchema, 'citizen_materials');
