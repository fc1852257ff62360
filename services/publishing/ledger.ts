// This process's copy of the published row of every case, kept current by reading the rows
// stamped after what it has. The publishing job diffs against it and the public routes serve from it.
import type { Types } from 'mongoose';
import { PublishedCaseModel } from '../../models/published-case.ts';
import type { PublicRow } from './row.ts';
import { PublishedView, type Replacement } from './view.ts';

export type LedgerRow = PublicRow & { caseId: string; stamp: number; pubDate: string };

/** A published row as stored: a case's public row, or its removal from the board. */
export type PublishedVersion =
  (PublicRow & { _id: Types.ObjectId; stamp: number; pubDate: string; removed?: false | null }) | { _id: Types.ObjectId; stamp: number; removed: true };

/** One process's copy of the published rows; created by the progress cache (server/caches.ts). */
export type Ledger = ReturnType<typeof createLedger>;

/** The rows stamped in (since, upTo], in stamp order (on the `stamp` index). */
export const newerRowsQuery = (since: number, upTo: number) => ({ filter: { stamp: { $gt: since, $lte: upTo } }, sort: { stamp: 1 } as const });

/** Changes the ledger keeps for readers catching up (cache.ts); one sync of more starts the log over. */
const CHANGE_LOG_MAX = 5_000;

/** A new, empty ledger. */
export function createLedger() {
  const rows = new Map<string, LedgerRow>();
  const shared = new Map<string, string>();
  let stamp = 0;
  /** Bumped on every applied change, so readers know what they have not seen (changesSince). */
  let generation = 0;
  /** The rows each change replaced, oldest first: the changes from generation `logFrom` to `generation`. */
  const changeLog: Replacement[] = [];
  let logFrom = 0;
  let syncing: Promise<void> | undefined;

  function logChange(before: LedgerRow | undefined, after: LedgerRow | undefined): void {
    if (changeLog.length === CHANGE_LOG_MAX) {
      changeLog.length = 0;
      logFrom = generation - 1;
    }
    changeLog.push({ before, after });
  }

  function once(value: string): string;
  function once(value: string | null): string | null;
  function once(value: string | null): string | null {
    if (value === null) return null;
    const known = shared.get(value);
    if (known !== undefined) return known;
    shared.set(value, value);
    return value;
  }

  /** Records a row this process wrote or read. */
  function apply(version: PublishedVersion): void {
    const caseId = String(version._id);
    const current = rows.get(caseId);
    if (version.stamp > stamp) stamp = version.stamp;
    if (current && current.stamp >= version.stamp) return;
    generation++;
    if (version.removed) {
      rows.delete(caseId);
      logChange(current, undefined);
      return;
    }
    // Built field by field, with the values many cases share (dates, codes, names) kept once:
    // a hundred thousand rows hold a few hundred distinct ones.
    const row: LedgerRow = {
      caseId,
      stamp: version.stamp,
      pubDate: once(version.pubDate),
      itemCode: once(version.itemCode),
      itemName: once(version.itemName),
      department: once(version.department),
      departmentName: once(version.departmentName),
      applicant: version.applicant,
      status: version.status,
      acceptedDate: once(version.acceptedDate),
      deadline: once(version.deadline),
      completedDate: once(version.completedDate),
      onTime: version.onTime,
      oneVisit: version.oneVisit,
      visits: version.visits ?? null,
      deferredAccepted: version.deferredAccepted ?? false,
      reusedMaterials: version.reusedMaterials ?? 0,
      evaluationScore: version.evaluationScore,
      evaluatedDate: once(version.evaluatedDate),
    };
    rows.set(caseId, row);
    logChange(current, row);
  }

  async function pull(upTo: number): Promise<void> {
    const { filter, sort } = newerRowsQuery(stamp, upTo);
    // Batches of 1,000: a batch's documents stay alive while it is applied, so at 5,000 they
    // outlived young-generation collections, and a restart loading 100,000 rows peaked at
    // 347–430 MB RSS (median 392 in 7 runs); at 1,000 the median is 257 (one run of 7: 381), no slower.
    for await (const version of PublishedCaseModel.find(filter).sort(sort).lean<PublishedVersion[]>().cursor({ batchSize: 1000 })) apply(version);
    if (upTo > stamp) stamp = upTo;
  }

  const reader = { generation: () => generation, rows: () => rows.values() };
  return {
    /**
     * Applies the rows stamped after this copy, up to `knownStamp` (the published state's, written
     * when a tick has finished), so rows of a tick still being written are never half taken.
     * Skips the read when this copy is already current, the usual case. One sync at a time.
     */
    sync(knownStamp: number): Promise<void> {
      if (knownStamp <= stamp) return Promise.resolve();
      syncing ??= pull(knownStamp).finally(() => (syncing = undefined));
      return syncing;
    },
    apply,
    row: (caseId: string) => rows.get(caseId),
    rows: reader.rows,
    stamp: () => stamp,
    generation: reader.generation,
    /** The changes made after generation `since`, oldest first; null when they are no longer kept. */
    changesSince: (since: number): readonly Replacement[] | null => (since >= logFrom && since <= generation ? changeLog.slice(since - logFrom) : null),
    /** What the publishing job derives from these rows (day lists, tallies), kept between ticks. */
    view: new PublishedView(reader),
  };
}
