// One process's copy of the latest published version of every case, kept current by reading
// the versions stamped after what it has. The publishing job diffs against it and the public
// routes serve from it (it belongs to the published-progress cache, services/publishing/cache.ts).
import type { Types } from 'mongoose';
import { PublishedCaseModel } from '../../models/published-case.ts';
import type { PublicRow } from './row.ts';

export type LedgerRow = PublicRow & { caseId: string; versionId: Types.ObjectId; stamp: number; pubDate: string };
export type LedgerVersion = PublicRow & { _id: Types.ObjectId; caseId: Types.ObjectId; stamp: number; pubDate: string; removed?: boolean | null };

export interface Ledger {
  /**
   * Applies versions newer than this copy (one sync at a time). `knownStamp` (the published
   * state's) skips the read when this copy is already current, the usual case.
   */
  sync(knownStamp?: number): Promise<void>;
  /** Records a version this process wrote or read. */
  apply(version: LedgerVersion): void;
  row(caseId: string): LedgerRow | undefined;
  rows(): IterableIterator<LedgerRow>;
  stamp(): number;
  /** Bumped on every applied change, so readers know when to re-sort. */
  generation(): number;
}

/** An empty ledger; the first sync reads every published version. */
export function createLedger(): Ledger {
  const rows = new Map<string, LedgerRow>();
  let stamp = 0;
  let generation = 0;
  let syncing: Promise<void> | undefined;

  const apply = (version: LedgerVersion) => {
    const caseId = String(version.caseId);
    const current = rows.get(caseId);
    if (version.stamp > stamp) stamp = version.stamp;
    if (current && current.stamp >= version.stamp) return;
    generation++;
    if (version.removed) {
      rows.delete(caseId);
      return;
    }
    const { _id, caseId: _case, removed: _removed, ...row } = version;
    rows.set(caseId, { ...row, caseId, versionId: _id });
  };

  const pull = async () => {
    // Sorted here, not by the server: FerretDB sorts without an index.
    const newer = await PublishedCaseModel.find({ stamp: { $gt: stamp } }).lean();
    newer.sort((a, b) => a.stamp - b.stamp);
    for (const version of newer) apply(version as never);
  };

  return {
    sync(knownStamp) {
      if (knownStamp !== undefined && knownStamp <= stamp) return Promise.resolve();
      syncing ??= pull().finally(() => (syncing = undefined));
      return syncing;
    },
    apply,
    row: (caseId) => rows.get(caseId),
    rows: () => rows.values(),
    stamp: () => stamp,
    generation: () => generation,
  };
}
