// Claims a state change by inserting a row with a unique key: exactly one caller wins,
// on MongoDB and on FerretDB alike (see models/state-claim.ts for why not an update).
import { StateClaimModel } from '../../models/state-claim.ts';

const DUPLICATE_KEY = 11000;

/** True when this caller is the first to claim `key`. */
export async function claimOnce(key: string, now = new Date()): Promise<boolean> {
  try {
    await StateClaimModel.create({ _id: key, at: now });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
    throw error;
  }
}

/** Gives a claim back (the change it guarded did not happen). */
export async function releaseClaim(key: string): Promise<void> {
  await StateClaimModel.deleteOne({ _id: key });
}

/** When the claim was made, or null. */
export async function claimedAt(key: string): Promise<Date | null> {
  return (await StateClaimModel.findById(key).lean())?.at ?? null;
}
