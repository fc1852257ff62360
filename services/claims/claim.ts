// The one race-proof primitive OneTrip builds on (see models/claim.ts for why).
import { ClaimModel } from '../../models/claim.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

/** How long a claim that only settled a race is kept before the cleanup job removes it. */
const RACE_CLAIM_KEEP_MS = 7 * 24 * 3600_000;

export interface ClaimOptions {
  kind: string;
  holder?: string;
  data?: unknown;
  /** Let the cleanup job remove it after this instant (for claims that only settle a race). */
  expiresAt?: Date | null;
  now?: Date;
}

/** Inserts claim `key`; true when this caller won it, false when it was already taken. */
export async function tryClaim(key: string, options: ClaimOptions): Promise<boolean> {
  try {
    await ClaimModel.create({
      _id: key,
      kind: options.kind,
      holder: options.holder ?? '',
      data: options.data ?? null,
      createdAt: options.now ?? new Date(),
      expiresAt: options.expiresAt ?? null,
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Claims a one-time decision (a state change, a send attempt): true for exactly one caller.
 * Kept a week, long after the change it guarded has been written.
 */
export function claimOnce(key: string, now = new Date()): Promise<boolean> {
  return tryClaim(key, { kind: key.slice(0, key.indexOf(':')) || 'once', now, expiresAt: new Date(now.getTime() + RACE_CLAIM_KEEP_MS) });
}

/** When claim `key` was made, or null when it does not stand. */
export async function claimedAt(key: string): Promise<Date | null> {
  return (await ClaimModel.findById(key, { createdAt: 1 }).lean())?.createdAt ?? null;
}

/** Deletes claim `key`; true when this caller removed it (exactly one caller can). */
export async function releaseClaim(key: string): Promise<boolean> {
  const { deletedCount } = await ClaimModel.deleteOne({ _id: key });
  return deletedCount === 1;
}

/** The claim's document, if it stands. */
export async function readClaim(key: string) {
  return ClaimModel.findById(key).lean();
}

/** Removes claims whose expiry has passed; returns how many. */
export async function purgeExpiredClaims(now: Date): Promise<number> {
  const { deletedCount } = await ClaimModel.deleteMany({ expiresAt: { $ne: null, $lt: now } });
  return deletedCount;
}

