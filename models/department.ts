// A department (委办局) that owns service items.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const departmentSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    active: { type: Boolean, default: true },
    sortOrder: { type: Number, default: 0 },
    /** Prefix of its queue tickets (GA → GA001); null: derived from the code (services/queue/prefix.ts). */
    ticketPrefix: { type: String, default: null },
  },
  { timestamps: true, versionKey: false },
);

export type Department = InferSchemaType<typeof departmentSchema>;
export const DepartmentModel = mongoose.model('Department', departmentSchema, 'departments');
