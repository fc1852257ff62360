// Every scheduled job of OneTrip, one line each.
import { lockCleanupJob } from './lock-cleanup.ts';
import { slotGenerationJob } from './slot-generation.ts';
import { slotReconciliationJob } from './slot-reconciliation.ts';
import { noShowJob } from './no-shows.ts';
import type { Job } from './types.ts';

export const jobs: Job[] = [lockCleanupJob, slotGenerationJob, slotReconciliationJob, noShowJob];
