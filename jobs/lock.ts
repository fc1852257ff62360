// The at-most-once coordinator. A tick runs on the instance whose insert of `{_id: job:tick}`
// wins (everyone else gets a duplicate key and skips), and only if that instance then takes
// the job's lease: a guarded update of `{_id: job}` that matches only a lease already given
// back or run out. So a slow run is not overlapped, and a crashed holder's lease simply runs
// out, after which the next tick runs. Plugs into node-cron's RunCoordinator hook and is used
// directly by runJobTick.
import type { RunCoordinator } from 'node-cron';
import { JobLockModel, JobRunModel } from '../models/job-lock.ts';
import { isDuplicateKey } from '../server/mongo-errors.ts';
import { retainUntil } from '../server/retention.ts';

const DAY_MS = 24 * 3600_000;
/** A tick's document only has to outlive the instances' clock skew. */
const TICK_KEEP_MS = DAY_MS;
/** A lease outlives its run log entry, so a crashed run is always found and closed. */
const LEASE_KEEP_MS = 90 * DAY_MS;

/** `job:tickISO` → job name (ISO instants contain ':' too, job names do not). */
export const jobOfKey = (key: string) => key.slice(0, key.indexOf(':'));
const tickOfKey = (key: string) => new Date(key.slice(key.indexOf(':') + 1));

/** Tries to take tick `key` for `holder`; true when this caller won it and the job is not busy elsewhere. */
export async function claimTick(key: string, holder: string, leaseMs: number, now = new Date()): Promise<boolean> {
  const job = jobOfKey(key);
  try {
    await JobLockModel.create({ _id: key, job, holder, createdAt: now, expiresAt: retainUntil(now, TICK_KEEP_MS) });
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
  return takeLease(job, tickOfKey(key), holder, leaseMs, now);
}

/** Takes the job's lease unless a run still holds it (then the upsert hits the existing `_id`). */
async function takeLease(job: string, tick: Date, holder: string, leaseMs: number, now: Date): Promise<boolean> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  try {
    const previous = await JobLockModel.findOneAndUpdate(
      { _id: job, leaseUntil: { $lte: now } },
      { $set: { job, holder, tick, createdAt: now, leaseUntil, releasedAt: null, expiresAt: retainUntil(leaseUntil, LEASE_KEEP_MS) } },
      { upsert: true, returnDocument: 'before' },
    ).lean();
    if (previous?.tick && !previous.releasedAt) await failCrashedRun(job, previous.holder, previous.tick, now);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Gives the job's lease back after tick `key` ran. */
export async function releaseTick(key: string, now = new Date()): Promise<void> {
  await JobLockModel.updateOne({ _id: jobOfKey(key), tick: tickOfKey(key), releasedAt: null }, { $set: { releasedAt: now, leaseUntil: now } });
}

/** The previous holder's lease ran out without being given back: it died mid-run. */
async function failCrashedRun(job: string, holder: string, tick: Date, now: Date): Promise<void> {
  await JobRunModel.updateMany(
    { job, instance: holder, tick, outcome: 'running' },
    { $set: { outcome: 'failed', finishedAt: now, error: 'lease expired: the holder stopped before finishing' } },
  );
}

/** node-cron coordinator backed by the job_locks collection, counting the ticks it has in hand. */
export interface TrackedCoordinator extends RunCoordinator {
  /** Ticks between their claim and their release (node-cron's isBusy() is false once a task is stopped). */
  inFlight(): number;
}

export function mongoRunCoordinator(holder: string): TrackedCoordinator {
  let inFlight = 0;
  return {
    shouldRun: async (key, ttlMs) => {
      inFlight++;
      try {
        const won = await claimTick(key, holder, ttlMs);
        if (!won) inFlight--;
        return won;
      } catch (error) {
        inFlight--;
        throw error;
      }
    },
    onComplete: async (key) => {
      try {
        await releaseTick(key);
      } finally {
        inFlight--;
      }
    },
    inFlight: () => inFlight,
  };
}
