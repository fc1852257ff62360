// This process's copy of the latest published version of every case, kept current by
// reading the versions stamped after what it has. The publishing job diffs against it and
// the public routes serve from it.
import type { Types } from 'mongoose';
import { PublishedCaseModel } from '../../models/published-case.ts';
import type { PublicRow } from './row.ts';

export type LedgerRow = PublicRow & { caseId: string; versionId: Types.ObjectId; stamp: number; pubDate: string };

const rows = new Map<string, LedgerRow>();
let stamp = 0;
/** Bumped on every applied change, so readers know when to re-sort. */
let generation = 0;
let syncing: Promise<void> | undefined;

/**
 * Applies versions newer than this copy (one sync at a time). `knownStamp` (the published
 * state's) skips the read when this copy is already current, the usual case.
 */
export function syncLedger(knownStamp?: number): Promise<void> {
  if (knownStamp !== undefined && knownStamp <= stamp) return Promise.resolve();
  syncing ??= pull().finally(() => (syncing = undefined));
  return syncing;
}

async function pull(): Promise<void> {
  // Sorted here, not by the server: FerretDB sorts without an index.
  const newer = await PublishedCaseModel.find({ stamp: { $gt: stamp } }).lean();
  newer.sort((a, b) => a.stamp - b.stamp);
  for (const version of newer) applyVersion(version as never);
}

/** Records a version this process wrote or read. */
export function applyVersion(version: PublicRow & { _id: Types.ObjectId; caseId: Types.ObjectId; stamp: number; pubDate: string; removed?: boolean | null }): void {
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
