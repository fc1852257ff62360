// Window staff and admins. Passwords are kept as scrypt hashes only.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { STAFF_ROLES } from '../server/auth/principal.ts';

const staffSchema = new Schema(
  {
    username: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    department: { type: String, default: null },
    windows: { type: [String], default: [] },
    active: { type: Boolean, default: true },
    /** Set when an admin created the account or reset its password: sign-in asks for a new one first. */
    mustChangePassword: { type: Boolean, default: false },
    /** Addresses the account signed in from (the last ten): not locked out by failures elsewhere. */
    knownAddresses: { type: [String], default: [] },
    /** Bumped by an admin's unlock: the login-failure counters carry it, so old counts stop counting. */
    loginEpoch: { type: Number, default: 0 },
  },
  { timestamps: true, versionKey: false },
);

export type Staff = InferSchemaType<typeof staffSchema>;
export const StaffModel = mongoose.model('Staff', staffSchema, 'staff');
