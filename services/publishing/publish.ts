// One publishing tick of 办件公示: reads the applications changed since the last tick, writes a
// new version for each case whose public row changed (inserts only), recomputes the figures
// from the in-memory ledger, and rewrites only the day files that changed.
// What changed comes from the application change feed, read by `_id` lookups only (FerretDB v1
// scans the whole collection for any other filter). The first tick, and then one a day, reads
// by the `updatedAt` watermark instead: a scan, the safety net for a change the feed missed.
import path from 'node:path';
import { Types } from 'mongoose';
import { ApplicationModel } from '../../models/application.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { PublishedCaseModel, PublishStateModel } from '../../models/published-case.ts';
import { config } from '../../server/config.ts';
import { nextChangeNumber, readChangesAfter } from '../applications/change-feed.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { addDays, zonedDate } from '../calendar/zoned-time.ts';
import { pubDateOf, statsOf } from './figures.ts';
import { dayFile, exists, removeDayFilesBefore, writeJsonAtomic } from './files.ts';
import type { Ledger, LedgerRow } from './ledger.ts';
import { presentPublicCase, publicRowOf, type CaseSource, type PublicRow } from './row.ts';

const STATE_ID = 'progress';
const BATCH = 1000;
/** Re-read this much before the watermark: a write in flight at the last tick may carry an older updatedAt. */
const OVERLAP_MS = 5_000;
/** How often the tick reads by `updatedAt` (a scan) instead of the change feed. */
const RESCAN_MS = 24 * 3600_000;
/** Feed entries read in one tick (each one `_id` lookup); the rest wait for the next tick. */
const FEED_MAX = 5_000;
/** Applications of the feed looked up by `_id` at once. */
const LOOKUPS_AT_ONCE = 16;
const CASE_FIELDS = 'itemCode department status applicantNameEnc applicantIsCompany acceptedDate deadline completedDate onTime onsiteVisits evaluationScore evaluatedAt updatedAt';

interface TickState { ledger: Ledger; stamp: number; watermark: Date | null; dirtyDays: Set<string>; changed: number; scanned: number }

/** Publishes what changed; `now` fixes "today" and the window; `ledger` is this instance's published copy. */
export async function publishProgress(now: Date, catalogue: CatalogueSnapshot, ledger: Ledger) {
  const state = await PublishStateModel.findById(STATE_ID).lean();
  await ledger.sync(state?.stamp ?? 0);
  const tick: TickState = { ledger, stamp: Math.max(state?.stamp ?? 0, ledger.stamp()), watermark: state?.watermark ?? null, dirtyDays: new Set(), changed: 0, scanned: 0 };
  const consumed = state?.changeSeq ?? null;
  const rescan = consumed === null || !state?.rescannedAt || now.getTime() - state.rescannedAt.getTime() >= RESCAN_MS;
  // Before a rescan, the feed position is taken first: changes during the scan come again next tick.
  const changeSeq = rescan ? (await nextChangeNumber((consumed ?? 0) + 1)) - 1 : await publishFeed(consumed, catalogue, tick);
  if (rescan) await publishSince(tick, catalogue);

  const today = zonedDate(now, config.TZ_NAME);
  const windowStart = addDays(today, -(config.PUBLISH_DAYS - 1));
  const bookings = await AppointmentModel.countDocuments({ date: { $gte: windowStart, $lte: today }, status: { $ne: 'cancelled' } });
  const stats = statsOf(ledger.rows(), bookings, { from: windowStart, to: today });
  const files = await writeFiles(ledger, tick.dirtyDays, windowStart, today, stats, now, state?.windowStart !== windowStart);
  await PublishStateModel.updateOne(
    { _id: STATE_ID },
    { $set: { watermark: tick.watermark, changeSeq, ...(rescan ? { rescannedAt: now } : {}), stamp: tick.stamp, windowStart, stats, publishedAt: now } },
    { upsert: true },
  );
  return { scanned: tick.scanned, changed: tick.changed, rescan: rescan ? 1 : 0, filesWritten: files.written, filesRemoved: files.removed };
}

/** Publishes every application updated since the watermark (all of them the first time): a scan. */
async function publishSince(tick: TickState, catalogue: CatalogueSnapshot): Promise<void> {
  const filter = tick.watermark ? { updatedAt: { $gte: new Date(tick.watermark.getTime() - OVERLAP_MS) } } : {};
  let batch: CaseSource[] = [];
  for await (const application of ApplicationModel.find(filter, CASE_FIELDS).lean().cursor({ batchSize: BATCH })) {
    batch.push(application as CaseSource);
    const updatedAt = (application as { updatedAt: Date }).updatedAt;
    if (!tick.watermark || updatedAt > tick.watermark) tick.watermark = updatedAt;
    if (batch.length === BATCH) batch = await publishBatch(batch, catalogue, tick);
  }
  await publishBatch(batch, catalogue, tick);
}

/** Publishes the applications named in the feed after `consumed`, each read by `_id`; returns the new position. */
async function publishFeed(consumed: number, catalogue: CatalogueSnapshot, tick: TickState): Promise<number> {
  const changes = await readChangesAfter(consumed, FEED_MAX);
  const ids = [...new Set(changes.map((change) => change.applicationId))];
  for (let start = 0; start < ids.length; start += LOOKUPS_AT_ONCE) {
    const found = await Promise.all(ids.slice(start, start + LOOKUPS_AT_ONCE).map((id) => ApplicationModel.findById(id, CASE_FIELDS).lean()));
    await publishBatch(found.filter((application) => application !== null) as CaseSource[], catalogue, tick);
  }
  return changes.at(-1)?.n ?? consumed;
}

/** Writes a version for each case of the batch whose public row changed; returns an empty batch. */
async function publishBatch(batch: CaseSource[], catalogue: CatalogueSnapshot, tick: TickState): Promise<CaseSource[]> {
  tick.scanned += batch.length;
  const versions = [];
  for (const application of batch) {
    const next = publicRowOf(application, catalogue, config.TZ_NAME);
    const previous = tick.ledger.row(String(application._id));
    if (sameRow(previous ?? null, next)) continue;
    if (previous) tick.dirtyDays.add(previous.pubDate);
    if (next) tick.dirtyDays.add(pubDateOf(next));
    tick.changed++;
    tick.stamp++;
    const caseId = application._id as Types.ObjectId;
    versions.push(next ? { _id: new Types.ObjectId(), caseId, stamp: tick.stamp, removed: false, ...next, pubDate: pubDateOf(next) } : { _id: new Types.ObjectId(), caseId, stamp: tick.stamp, removed: true });
  }
  if (versions.length > 0) {
    await PublishedCaseModel.collection.insertMany(versions, { ordered: true });
    for (const version of versions) tick.ledger.apply(version as never);
  }
  return [];
}

const ROW_FIELDS = ['itemCode', 'itemName', 'department', 'departmentName', 'applicant', 'status', 'acceptedDate', 'deadline', 'completedDate', 'onTime', 'oneVisit', 'evaluationScore', 'evaluatedDate'] as const;

function sameRow(previous: PublicRow | null, next: PublicRow | null): boolean {
  if (!previous || !next) return previous === next;
  return ROW_FIELDS.every((field) => (previous[field] ?? null) === (next[field] ?? null));
}

/** Rewrites changed day files (all of them when the window moved or the directory is new), the index and the figures. */
async function writeFiles(ledger: Ledger, dirty: Set<string>, windowStart: string, today: string, stats: object, now: Date, windowMoved: boolean) {
  const dir = path.resolve(config.PUBLISH_DIR);
  const indexFile = path.join(dir, 'index.json');
  const rewriteAll = windowMoved || !(await exists(indexFile));
  const counts = new Map<string, number>();
  const byDay = new Map<string, LedgerRow[]>();
  for (const row of ledger.rows()) {
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
