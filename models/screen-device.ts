// A lobby big screen. Only the SHA-256 of its device token is stored.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const screenDeviceSchema = new Schema(
  {
    _id: { type: String, required: true }, // device code, e.g. SCREEN-HALL1-01
    name: { type: String, required: true },
    hallCode: { type: String, required: true },
    tokenHash: { type: String, required: true, unique: true },
    active: { type: Boolean, default: true },
    /** Announce calls aloud (chime and speech synthesis); off where a hall has its own PA. */
    speech: { type: Boolean, default: true },
  },
  { timestamps: true, versionKey: false },
);

export type ScreenDevice = InferSchemaType<typeof screenDeviceSchema>;
export const ScreenDeviceModel = mongoose.model('ScreenDevice', screenDeviceSchema, 'screen_devices');
