// The in-memory copies every instance serves from: the catalogue, the lobby-screen snapshots,
// the published progress and the slot lists read in the last moment. server/index.ts (and each test app) creates one set, starts it
// before listening and stops it on shutdown; routes find it on ctx.state.caches.
import { createCatalogueCache, type CatalogueCache } from '../services/catalogue/store.ts';
import { createSlotListCache, type SlotListCache } from '../services/booking/slots.ts';
import { createProgressCache, type ProgressCache } from '../services/publishing/cache.ts';
import { createScreenCache, type ScreenCache } from '../services/screens/cache.ts';
import { config } from './config.ts';

/** How often the published progress is re-read (the job publishes every minute). */
const PROGRESS_REFRESH_MS = 5_000;

export interface Caches {
  catalogue: CatalogueCache;
  screens: ScreenCache;
  progress: ProgressCache;
  slots: SlotListCache;
  /** Loads the first three (before the first request), then keeps them fresh on timers. */
  start(): Promise<void>;
  stop(): void;
}

/** One instance's caches, not started, with the refresh intervals of the configuration. */
export function createCaches(): Caches {
  const catalogue = createCatalogueCache(config.CATALOGUE_REFRESH_MS);
  const screens = createScreenCache(config.SCREEN_REFRESH_SECONDS * 1000);
  const progress = createProgressCache(PROGRESS_REFRESH_MS);
  const slots = createSlotListCache(config.SLOT_LIST_FRESH_MS);
  return {
    catalogue,
    screens,
    progress,
    slots,
    async start() {
      await Promise.all([catalogue.start(), screens.start(), progress.start()]);
    },
    stop() {
      catalogue.stop();
      screens.stop();
      progress.stop();
      slots.stop();
    },
  };
}
