// What /public/progress and /public/stats serve: the in-memory ledger, synced on a timer
// (only versions newer than this copy are read), and the figures the job last published.
// The listed rows are kept as the ledger's own rows and shown (presentPublicCase) a page at a
// time: presenting all of them again after every tick took half a second at 100,000 cases.
import { PublishStateModel } from '../../models/published-case.ts';
import { logger } from '../../server/logger.ts';
import type { PublishedStats } from './figures.ts';
import { createLedger, type Ledger, type LedgerRow } from './ledger.ts';
import { inListingOrder, listingAfter } from './view.ts';

/** One instance's copy of the published progress; server/index.ts creates, starts and stops it. */
export interface ProgressCache {
  /** The latest version of every case; the publishing job diffs against it and appends to it. */
  readonly ledger: Ledger;
  /** Listed cases (listing day within the window), newest first; shown with presentPublicCase. */
  cases(): readonly LedgerRow[];
  /** The figures of the last publish (null before the first). */
  stats(): PublishedStats | null;
  /** Copies what the publishing job wrote since the last refresh. */
  refresh(): Promise<void>;
  /** Loads what is published, then refreshes every `refreshMs`. */
  start(): Promise<void>;
  stop(): void;
}

/** A progress cache (with a ledger of its own) that syncs every `refreshMs` once started. */
export function createProgressCache(refreshMs: number): ProgressCache {
  const ledger = createLedger();
  let windowStart: string | null = null;
  let stats: PublishedStats | null = null;
  let listed: { generation: number; windowStart: string | null; rows: LedgerRow[] } | null = null;
  let timer: NodeJS.Timeout | undefined;

  const refresh = async () => {
    const state = await PublishStateModel.findById('progress', { stats: 1, windowStart: 1, stamp: 1 }).lean();
    if (!state) return;
    await ledger.sync(state.stamp);
    stats = state.stats as PublishedStats;
    windowStart = state.windowStart ?? null;
  };

  return {
    ledger,
    cases() {
      const generation = ledger.generation();
      const from = windowStart ?? '';
      if (listed?.generation === generation && listed.windowStart === windowStart) return listed.rows;
      // The rows a sync or tick changed are placed in the listing; all are sorted again only
      // when the window moved or more changed than the ledger keeps.
      const changes = listed?.windowStart === windowStart ? ledger.changesSince(listed.generation) : null;
      const rows = listed && changes ? listingAfter(listed.rows, changes, from) : [...ledger.rows()].filter((r) => r.pubDate >= from).sort(inListingOrder);
      listed = { generation, windowStart, rows };
      return rows;
    },
    stats: () => stats,
    refresh,
    async start() {
      await refresh();
      clearInterval(timer);
      timer = setInterval(() => {
        refresh().catch((error: unknown) => logger.warn({ err: error }, 'published cache refresh failed; serving the last copy'));
      }, refreshMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
