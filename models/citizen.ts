// A citizen known by WeChat openid. Name, ID number and phone are encrypted at rest
// (services/pii/crypto.ts); the *Hash fields are keyed hashes for lookups.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const citizenSchema = new Schema(
  {
    openid: { type: String, required: true, unique: true },
    unionid: { type: String, default: null },
    nameEnc: { type: String, default: null },
    idNumberEnc: { type: String, default: null },
    idNumberHash: { type: String, default: null, index: true },
    phoneEnc: { type: String, default: null },
    phoneHash: { type: String, default: null, index: true },
    verified: { type: Boolean, default: false },
    bannedUntil: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);

export type Citizen = InferSchemaType<typeof citizenSchema>;
export const CitizenModel = mongoose.model('Citizen', citizenSchema, 'citizens');
