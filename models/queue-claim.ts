// One-time claims in the queue (`call:<ticketId>`, `checkin:<appointmentId>`). An insert
// with a unique _id is the one write that is atomic on every server we run on: FerretDB's
// SQLite backend reads and writes findAndModify in separate steps, so two windows could
// otherwise take the same ticket.
import mongoose, { Schema } from 'mongoose';

const queueClaimSchema = new Schema(
  { _id: { type: String, required: true }, holder: { type: String, default: '' }, at: { type: Date, required: true, index: true } },
  { versionKey: false },
);

export const QueueClaimModel = mongoose.model('QueueClaim', queueClaimSchema, 'queue_claims');

const DUPLICATE_KEY = 11000;

/** Inserts the claim `key`; true when this caller was first. */
export async function claimOnce(key: string, holder: string, at = new Date()): Promise<boolean> {
  try {
    await QueueClaimModel.create({ _id: key, holder, at });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
    throw error;
  }
}

/** True when `error` is a duplicate-key error. */
export const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === DUPLICATE_KEY;
