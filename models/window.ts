// A service window (窗口) in a hall, staffed by one department.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const windowSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    hallCode: { type: String, required: true, index: true },
    location: { type: String, required: true },
    department: { type: String, required: true, index: true },
    active: { type: Boolean, default: true },
  },
  { timestamps: true, versionKey: false },
);

export type Window = InferSchemaType<typeof windowSchema>;
export const WindowModel = mongoose.model('Window', windowSchema, 'windows');
