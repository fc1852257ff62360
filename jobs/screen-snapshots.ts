// Rebuilds every hall's lobby-screen snapshot every SCREEN_REFRESH_SECONDS. At ~30,000 ticks a
// day its run log would swamp the admins' view, so its entries expire after a day.
import { config } from '../server/config.ts';
import type { CatalogueCache } from '../services/catalogue/store.ts';
import { rebuildScreenSnapshots } from '../services/screens/publish.ts';
import type { Job } from './types.ts';

export const screenSnapshotsJob = (catalogue: CatalogueCache): Job => ({
  name: 'screen-snapshots',
  schedule: `*/${config.SCREEN_REFRESH_SECONDS} * * * * *`,
  run: (now) => rebuildScreenSnapshots(now, catalogue.current()),
  // A crashed builder must not leave the screens frozen for long.
  leaseMs: 30_000,
  keepRunsMs: 24 * 3600_000,
});
