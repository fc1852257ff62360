// Partner systems allowed to post Open311 requests: the api_key is shown once, stored as a hash.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const hotlinePartnerSchema = new Schema(
  {
    name: { type: String, required: true },
    keyHash: { type: String, required: true, unique: true },
    active: { type: Boolean, default: true },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);

export type HotlinePartner = InferSchemaType<typeof hotlinePartnerSchema>;
export const HotlinePartnerModel = mongoose.model('HotlinePartner', hotlinePartnerSchema, 'hotline_partners');
