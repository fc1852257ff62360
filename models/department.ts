// A department (委办局) that owns service items.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const departmentSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    active: { type: Boolean, default: true },
    sortOrder: { type: Number, default: 0 },
  },
  { timestamps: true, versionKey: false },
);

export type Department = InferSchemaType<typeof departmentSchema>;
export const DepartmentModel = mongoose.model('Department', departmentSchema, 'departments');
