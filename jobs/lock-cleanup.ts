// Removes tick claims older than a week, run-log entries older than 90 days and rate-limit
// hits older than a day
// (there are no TTL indexes on FerretDB, so a job does it).
import { JobLockModel, JobRunModel } from '../models/job-lock.ts';
import { purgeHits } from '../services/rate-limit/hits.ts';
import type { Job } from './types.ts';

const DAY_MS = 24 * 3600_000;

export const lockCleanupJob: Job = {
  name: 'lock-cleanup',
  schedule: '17 3 * * *',
  async run(now) {
    const locks = await JobLockModel.deleteMany({ createdAt: { $lt: new Date(now.getTime() - 7 * DAY_MS) } });
    const runs = await JobRunModel.deleteMany({ startedAt: { $lt: new Date(now.getTime() - 90 * DAY_MS) } });
    const hitsRemoved = await purgeHits(DAY_MS, now);
    return { locksRemoved: locks.deletedCount, runsRemoved: runs.deletedCount, hitsRemoved };
  },
};
