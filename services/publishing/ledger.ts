// This process's copy of the published row of every case, kept current by reading the rows
// stamped after what it has. The publishing job diffs against it and the public routes serve from it.
import type { Types } from 'mongoose';
import { PublishedCaseModel } from '../../models/published-case.ts';
import type { PublicRow } from './row.ts';

export type LedgerRow = PublicRow & { caseId: string; stamp: number; pubDate: string };

const rows = new Map<string, LedgerRow>();
let stamp = 0;
/** Bumped on every applied change, so readers know when to re-sort. */
let generation = 0;
let syncing: Promise<void> | undefined;

/**
 * Applies the rows stamped after this copy, up to `knownStamp` (the published state's, written
 * when a tick has finished), so rows of a tick still being written are never half taken.
 * Skips the read when this copy is already current, the usual case. One sync at a time.
 */
export function syncLedger(knownStamp: number): Promise<void> {
  if (knownStamp <= stamp) return Promise.resolve();
  syncing ??= pull(knownStamp).finally(() => (syncing = undefined));
  return syncing;
}

/** The rows stamped in (since, upTo], in stamp order (on the `stamp` index). */
export const newerRowsQuery = (since: number, upTo: number) => ({ filter: { stamp: { $gt: since, $lte: upTo } }, sort: { stamp: 1 } as const });

async function pull(upTo: number): Promise<void> {
  const { filter, sort } = newerRowsQuery(stamp, upTo);
  for await (const version of PublishedCaseModel.find(filter).sort(sort).lean().cursor({ batchSize: 5000 })) applyVersion(version as never);
  if (upTo > stamp) stamp = upTo;
}

/** Records a row this process wrote or read. */
export function applyVersion(version: PublicRow & { _id: Types.ObjectId; stamp: number; pubDate: string; removed?: boolean | null }): void {
  const caseId = String(version._id);
  const current = rows.get(caseId);
  if (version.stamp > stamp) stamp = version.stamp;
  if (current && current.stamp >= version.stamp) return;
  generation++;
  if (version.removed) {
    rows.delete(caseId);
    return;
  }
  // Built field by field, with the values many cases share (dates, codes, names) kept once:
  // a hundred thousand rows hold a few hundred distinct ones.
  rows.set(caseId, {
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
    evaluationScore: version.evaluationScore,
    evaluatedDate: once(version.evaluatedDate),
  });
}

const shared = new Map<string, string>();
function once(value: string): string;
function once(value: string | null): string | null;
function once(value: string | null): string | null {
  if (value === null) return null;
  const known = shared.get(value);
  if (known !== undefined) return known;
  shared.set(value, value);
  return value;
}

export const ledgerRow = (caseId: string) => rows.get(caseId);
export const ledgerRows = () => rows.values();
export const ledgerStamp = () => stamp;
export const ledgerGeneration = () => generation;

/** Forgets everything (tests switching databases). */
export function resetLedger(): void {
  rows.clear();
  stamp = 0;
  generation++;
}
