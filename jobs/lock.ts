// The at-most-once coordinator: a tick runs on the instance whose insert of
// `{_id: job:tick}` wins; everyone else gets a duplicate key and skips. Plugs into
// node-cron's RunCoordinator hook, and is used directly by runJobTick.
import type { RunCoordinator } from 'node-cron';
import { JobLockModel } from '../models/job-lock.ts';

const DUPLICATE_KEY = 11000;

/** Tries to claim `key` for `holder`; true when this caller won. */
export async function claimTick(key: string, holder: string, leaseMs: number, now = new Date()): Promise<boolean> {
  try {
    await JobLockModel.create({
      _id: key,
      job: key.slice(0, key.indexOf(':')),
      holder,
      leaseUntil: new Date(now.getTime() + leaseMs),
      createdAt: now,
    });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
    throw error;
  }
}

export async function releaseTick(key: string, now = new Date()): Promise<void> {
  await JobLockModel.updateOne({ _id: key }, { $set: { finishedAt: now } });
}

/** node-cron coordinator backed by the job_locks collection. */
export function mongoRunCoordinator(holder: string): RunCoordinator {
  return {
    shouldRun: (key, ttlMs) => claimTick(key, holder, ttlMs),
    onComplete: (key) => releaseTick(key),
  };
}
