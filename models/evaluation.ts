// 好差评: one rating per completed case by its owner. The rater is kept only to enforce
// "once, by the owner"; staff-facing output never shows `citizenId`.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const evaluationSchema = new Schema(
  {
    applicationId: { type: Schema.Types.ObjectId, required: true, unique: true },
    citizenId: { type: Schema.Types.ObjectId, required: true },
    department: { type: String, required: true },
    itemCode: { type: String, required: true },
    /** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. */
    score: { type: Number, required: true, min: 1, max: 5 },
    comment: { type: String, default: '' },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
evaluationSchema.index({ department: 1, createdAt: -1 });
/** The day's ratings across departments (services/figures/compute.ts). */
evaluationSchema.index({ createdAt: 1 });

export type Evaluation = InferSchemaType<typeof evaluationSchema>;
export const EvaluationModel = mongoose.model('Evaluation', evaluationSchema, 'evaluations');
