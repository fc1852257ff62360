// The at-most-once coordinator. A tick runs on the instance whose insert of `{_id: job:tick}`
// wins (everyone else gets a duplicate key and skips), and only while no earlier run of the
// job still holds an unexpired lease: a slow run is not overlapped, and a crashed holder's
// lease simply runs out, after which the next tick runs. Plugs into node-cron's
// RunCoordinator hook and is used directly by runJobTick.
import type { RunCoordinator } from 'node-cron';
import { JobLockModel, JobRunModel } from '../models/job-lock.ts';
import { isDuplicateKey } from '../server/mongo-errors.ts';

/** `job:tickISO` → job name (ISO instants contain ':' too, job names do not). */
export const jobOfKey = (key: string) => key.slice(0, key.indexOf(':'));

/** Tries to claim `key` for `holder`; true when this caller won and the job is not busy elsewhere. */
export async function claimTick(key: string, holder: string, leaseMs: number, now = new Date()): Promise<boolean> {
  const job = jobOfKey(key);
  try {
    await JobLockModel.create({ _id: key, job, holder, leaseUntil: new Date(now.getTime() + leaseMs), createdAt: now });
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
  // Only the tick's winner gets here, so this read needs no atomicity.
  const busy = await JobLockModel.exists({ job, _id: { $ne: key }, finishedAt: null, leaseUntil: { $gt: now } });
  if (busy) {
    await JobLockModel.updateOne({ _id: key }, { $set: { finishedAt: now, outcome: 'overlap' } });
    return false;
  }
  await expireCrashedRuns(job, now);
  return true;
}

export async function releaseTick(key: string, now = new Date()): Promise<void> {
  await JobLockModel.updateOne({ _id: key }, { $set: { finishedAt: now } });
}

/** Closes claims whose holder died mid-run (lease over, never finished) and fails their log entries. */
async function expireCrashedRuns(job: string, now: Date): Promise<void> {
  const crashed = await JobLockModel.find({ job, finishedAt: null, leaseUntil: { $lte: now } }).limit(100).lean();
  for (const lock of crashed) {
    await JobLockModel.updateOne({ _id: lock._id }, { $set: { finishedAt: now, outcome: 'expired' } });
    await JobRunModel.updateMany(
      { job, instance: lock.holder, tick: new Date(lock._id.slice(job.length + 1)), outcome: 'running' },
      { $set: { outcome: 'failed', finishedAt: now, error: 'lease expired: the holder stopped before finishing' } },
    );
  }
}

/** node-cron coordinator backed by the job_locks collection. */
export function mongoRunCoordinator(holder: string): RunCoordinator {
  return {
    shouldRun: (key, ttlMs) => claimTick(key, holder, ttlMs),
    onComplete: (key) => releaseTick(key),
  };
}
