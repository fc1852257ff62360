// Removes claims that only settled a race and whose time has passed (no TTL indexes on FerretDB).
import { purgeExpiredClaims } from '../services/claims/claim.ts';
import type { Job } from './types.ts';

export const claimCleanupJob: Job = {
  name: 'claim-cleanup',
  schedule: '41 * * * *',
  async run(now) {
    return { claimsRemoved: await purgeExpiredClaims(now) };
  },
};
