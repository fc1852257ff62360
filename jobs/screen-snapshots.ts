// Rebuilds every hall's lobby-screen snapshot every SCREEN_REFRESH_SECONDS. At ~30,000 ticks a
// day its own run log and tick claims would swamp the admins' view, so once an hour it trims
// its entries older than a day (lock-cleanup keeps the others for 90 days).
import { JobLockModel, JobRunModel } from '../models/job-lock.ts';
import { config } from '../server/config.ts';
import type { CatalogueCache } from '../services/catalogue/store.ts';
import { rebuildScreenSnapshots } from '../services/screens/publish.ts';
import type { Job } from './types.ts';

const NAME = 'screen-snapshots';
const KEEP_MS = 24 * 3600_000;

export const screenSnapshotsJob = (catalogue: CatalogueCache): Job => ({
  name: NAME,
  schedule: `*/${config.SCREEN_REFRESH_SECONDS} * * * * *`,
  async run(now) {
    const counts = await rebuildScreenSnapshots(now, catalogue.current());
    if (now.getUTCMinutes() !== 0 || now.getUTCSeconds() >= config.SCREEN_REFRESH_SECONDS) return counts;
    const before = new Date(now.getTime() - KEEP_MS);
    const runs = await JobRunModel.deleteMany({ job: NAME, startedAt: { $lt: before } });
    const locks = await JobLockModel.deleteMany({ job: NAME, createdAt: { $lt: before } });
    return { ...counts, runsTrimmed: runs.deletedCount, locksTrimmed: locks.deletedCount };
  },
  // A crashed builder must not leave the screens frozen for long.
  leaseMs: 30_000,
});
