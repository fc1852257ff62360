// One publishing tick of 办件公示: reads the applications written since the watermark (on the
// `{updatedAt, _id}` index), rewrites the published row of each case whose public row changed,
// recomputes the figures from the in-memory ledger, and rewrites only the day files that changed.
// The read starts a little before the watermark, because a write can carry an `updatedAt` older
// than one already read (its `now` was taken before a faster write committed, or on an instance
// whose clock is behind); re-reading is harmless, since an unchanged row is not written again.
import path from 'node:path';
import type { Types } from 'mongoose';
import { ApplicationModel } from '../../models/application.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { PublishedCaseModel, PublishStateModel } from '../../models/published-case.ts';
import { config } from '../../server/config.ts';
import { changedSinceQuery } from '../applications/find.ts';
import { getCatalogue, type CatalogueSnapshot } from '../catalogue/store.ts';
import { addDays, zonedDate } from '../calendar/zoned-time.ts';
import { pubDateOf, statsOf } from './figures.ts';
import { dayFile, exists, removeDayFilesBefore, writeJsonAtomic } from './files.ts';
import { applyVersion, ledgerRow, ledgerRows, ledgerStamp, syncLedger, type LedgerRow } from './ledger.ts';
import { presentPublicCase, publicRowOf, type CaseSource, type PublicRow } from './row.ts';

const STATE_ID = 'progress';
const BATCH = 1000;
/** Re-read this much before the watermark (see above). */
export const OVERLAP_MS = 15_000;
const CASE_FIELDS = 'itemCode department status applicantNameEnc applicantIsCompany acceptedDate deadline completedDate onTime onsiteVisits evaluationScore evaluatedAt updatedAt';

interface TickState { stamp: number; watermark: Date | null; dirtyDays: Set<string>; changed: number; scanned: number }

/** The applications a tick reads: written since `watermark` less the overlap, all of them the first time. */
export const changedApplicationsQuery = (watermark: Date | null) =>
  changedSinceQuery(watermark && new Date(watermark.getTime() - OVERLAP_MS));

/** Publishes what changed; `now` fixes "today" and the window. */
export async function publishProgress(now: Date) {
  const state = await PublishStateModel.findById(STATE_ID).lean();
  await syncLedger(state?.stamp ?? 0);
  const tick: TickState = { stamp: Math.max(state?.stamp ?? 0, ledgerStamp()), watermark: state?.watermark ?? null, dirtyDays: new Set(), changed: 0, scanned: 0 };
  await publishChanged(tick, await getCatalogue());

  const today = zonedDate(now, config.TZ_NAME);
  const windowStart = addDays(today, -(config.PUBLISH_DAYS - 1));
  const bookings = await AppointmentModel.countDocuments({ date: { $gte: windowStart, $lte: today }, status: { $ne: 'cancelled' } });
  const stats = statsOf(ledgerRows(), bookings, { from: windowStart, to: today });
  const files = await writeFiles(tick.dirtyDays, windowStart, today, stats, now, state?.windowStart !== windowStart);
  await PublishStateModel.updateOne(
    { _id: STATE_ID },
    { $set: { watermark: tick.watermark, stamp: tick.stamp, windowStart, stats, publishedAt: now } },
    { upsert: true },
  );
  return { scanned: tick.scanned, changed: tick.changed, filesWritten: files.written, filesRemoved: files.removed };
}

/** Publishes every application written since the watermark, in the order they were written. */
async function publishChanged(tick: TickState, catalogue: CatalogueSnapshot): Promise<void> {
  const { filter, sort } = changedApplicationsQuery(tick.watermark);
  let batch: CaseSource[] = [];
  for await (const application of ApplicationModel.find(filter, CASE_FIELDS).sort(sort).lean().cursor({ batchSize: BATCH })) {
    batch.push(application);
    if (!tick.watermark || application.updatedAt > tick.watermark) tick.watermark = application.updatedAt;
    if (batch.length === BATCH) batch = await publishBatch(batch, catalogue, tick);
  }
  await publishBatch(batch, catalogue, tick);
}

/** Rewrites the published row of each case of the batch whose public row changed; returns an empty batch. */
async function publishBatch(batch: CaseSource[], catalogue: CatalogueSnapshot, tick: TickState): Promise<CaseSource[]> {
  tick.scanned += batch.length;
  const versions = [];
  for (const application of batch) {
    const next = publicRowOf(application, catalogue, config.TZ_NAME);
    const previous = ledgerRow(String(application._id));
    if (sameRow(previous ?? null, next)) continue;
    if (previous) tick.dirtyDays.add(previous.pubDate);
    if (next) tick.dirtyDays.add(pubDateOf(next));
    tick.changed++;
    tick.stamp++;
    const _id = application._id as Types.ObjectId;
    versions.push(next ? { _id, stamp: tick.stamp, removed: false, ...next, pubDate: pubDateOf(next) } : { _id, stamp: tick.stamp, removed: true });
  }
  if (versions.length > 0) {
    // In stamp order, so an instance reading "newer than mine" meanwhile never skips one.
    await PublishedCaseModel.collection.bulkWrite(versions.map((version) => ({ replaceOne: { filter: { _id: version._id }, replacement: version, upsert: true } })), { ordered: true });
    for (const version of versions) applyVersion(version as never);
  }
  return [];
}

const ROW_FIELDS = ['itemCode', 'itemName', 'department', 'departmentName', 'applicant', 'status', 'acceptedDate', 'deadline', 'completedDate', 'onTime', 'oneVisit', 'evaluationScore', 'evaluatedDate'] as const;

function sameRow(previous: PublicRow | null, next: PublicRow | null): boolean {
  if (!previous || !next) return previous === next;
  return ROW_FIELDS.every((field) => (previous[field] ?? null) === (next[field] ?? null));
}

/** Rewrites changed day files (all of them when the window moved or the directory is new), the index and the figures. */
async function writeFiles(dirty: Set<string>, windowStart: string, today: string, stats: object, now: Date, windowMoved: boolean) {
  const dir = path.resolve(config.PUBLISH_DIR);
  const indexFile = path.join(dir, 'index.json');
  const rewriteAll = windowMoved || !(await exists(indexFile));
  const counts = new Map<string, number>();
  const byDay = new Map<string, LedgerRow[]>();
  for (const row of ledgerRows()) {
    if (row.pubDate < windowStart || row.pubDate > today) continue;
    counts.set(row.pubDate, (counts.get(row.pubDate) ?? 0) + 1);
    if (!rewriteAll && !dirty.has(row.pubDate)) continue;
    const list = byDay.get(row.pubDate);
    if (list) list.push(row);
    else byDay.set(row.pubDate, [row]);
  }
  for (const date of dirty) if (date >= windowStart && date <= today && !byDay.has(date)) byDay.set(date, []);
  for (const [date, rows] of byDay) {
    rows.sort((a, b) => b.acceptedDate.localeCompare(a.acceptedDate) || a.caseId.localeCompare(b.caseId));
    await writeJsonAtomic(dayFile(dir, date), { date, items: rows.map((row) => presentPublicCase({ ...row, _id: row.caseId })) });
  }
  const removed = await removeDayFilesBefore(dir, windowStart);
  const days = [...counts].sort((a, b) => b[0].localeCompare(a[0]));
  await writeJsonAtomic(path.join(dir, 'stats.json'), { generatedAt: now.toISOString(), ...stats });
  await writeJsonAtomic(indexFile, { generatedAt: now.toISOString(), from: windowStart, to: today, days: days.map(([date, count]) => ({ date, count, file: `progress/${date}.json` })) });
  return { written: byDay.size + 2, removed };
}
