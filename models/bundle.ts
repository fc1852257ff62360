// A bundle (一件事): one life event served as one application across several items, possibly
// of several departments (新生儿出生, 开办餐饮店, 退休). Its guide is merged from the items'.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const bundleSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    items: { type: [String], default: [] },
    published: { type: Boolean, default: true },
  },
  { timestamps: true, versionKey: false },
);

export type Bundle = InferSchemaType<typeof bundleSchema>;
export const BundleModel = mongoose.model('Bundle', bundleSchema, 'bundles');
