// Removes state-change claims older than a week: by then every change they guarded has long
// been written (FerretDB has no TTL indexes, so a job does it).
import { StateClaimModel } from '../models/state-claim.ts';
import type { Job } from './types.ts';

const KEEP_MS = 7 * 24 * 3600_000;

export const claimCleanupJob: Job = {
  name: 'claim-cleanup',
  schedule: '27 3 * * *',
  async run(now) {
    const removed = await StateClaimModel.deleteMany({ at: { $lt: new Date(now.getTime() - KEEP_MS) } });
    return { claimsRemoved: removed.deletedCount };
  },
};
