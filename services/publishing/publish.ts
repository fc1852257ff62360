// One publishing tick of 办件公示: copies the applications changed since the watermark into
// masked public rows, keeps the daily figures by difference, rewrites only the day files
// that changed, and the figures. Cost grows with what changed, not with all history.
import path from 'node:path';
import type { Types } from 'mongoose';
import { ApplicationModel } from '../../models/application.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { PublishDailyModel, PublishedCaseModel, PublishStateModel, type PublishedCase } from '../../models/published-case.ts';
import { config } from '../../server/config.ts';
import { getCatalogue, type CatalogueSnapshot } from '../catalogue/store.ts';
import { addDays, localDate } from '../queue/clock.ts';
import { addContribution, pubDateOf, statsOf, type DailyDelta } from './figures.ts';
import { dayFile, exists, removeDayFilesBefore, writeJsonAtomic } from './files.ts';
import { presentPublicCase, publicRowOf, type CaseSource, type PublicRow } from './row.ts';

const STATE_ID = 'progress';
const BATCH = 1000;
/** Re-read this much before the watermark: a write in flight at the last tick may carry an older updatedAt. */
const OVERLAP_MS = 5_000;
const CASE_FIELDS = 'itemCode department status applicantNameEnc applicantIsCompany acceptedDate deadline completedDate onTime onsiteVisits evaluationScore evaluatedAt updatedAt';

interface TickState { stamp: number; watermark: Date | null; delta: DailyDelta; dirtyDays: Set<string>; changed: number; scanned: number }

/** Publishes what changed; `now` fixes "today" and the window. */
export async function publishProgress(now: Date) {
  const state = await PublishStateModel.findById(STATE_ID).lean();
  const tick: TickState = { stamp: state?.stamp ?? 0, watermark: state?.watermark ?? null, delta: new Map(), dirtyDays: new Set(), changed: 0, scanned: 0 };
  const catalogue = await getCatalogue();
  const filter = tick.watermark ? { updatedAt: { $gte: new Date(tick.watermark.getTime() - OVERLAP_MS) } } : {};
  const cursor = ApplicationModel.find(filter, CASE_FIELDS).sort({ updatedAt: 1 }).lean().cursor({ batchSize: BATCH });
  let batch: CaseSource[] = [];
  for await (const application of cursor) {
    batch.push(application as CaseSource);
    const updatedAt = (application as { updatedAt: Date }).updatedAt;
    if (!tick.watermark || updatedAt > tick.watermark) tick.watermark = updatedAt;
    if (batch.length === BATCH) batch = await publishBatch(batch, catalogue, tick);
  }
  await publishBatch(batch, catalogue, tick);
  await applyDailyDelta(tick.delta);

  const today = localDate(now, config.TZ_NAME);
  const windowStart = addDays(today, -(config.PUBLISH_DAYS - 1));
  const stats = await currentStats(windowStart, today);
  const files = await writeFiles(tick.dirtyDays, windowStart, today, stats, now, state?.windowStart !== windowStart);
  await PublishStateModel.updateOne(
    { _id: STATE_ID },
    { $set: { watermark: tick.watermark, stamp: tick.stamp, windowStart, stats, publishedAt: now } },
    { upsert: true },
  );
  return { scanned: tick.scanned, changed: tick.changed, filesWritten: files.written, filesRemoved: files.removed };
}

/** Publishes one batch of applications; returns an empty batch. */
async function publishBatch(batch: CaseSource[], catalogue: CatalogueSnapshot, tick: TickState): Promise<CaseSource[]> {
  if (batch.length === 0) return batch;
  tick.scanned += batch.length;
  const existing = new Map(
    (await PublishedCaseModel.find({ _id: { $in: batch.map((a) => a._id as Types.ObjectId) } }).lean()).map((row) => [String(row._id), row]),
  );
  const inserts: object[] = [];
  const replaces: object[] = [];
  for (const application of batch) {
    const next = publicRowOf(application, catalogue, config.TZ_NAME);
    const stored = existing.get(String(application._id));
    const previous = stored && !stored.removed ? (stored as unknown as PublicRow) : null;
    if (sameRow(previous, next) || (!stored && !next)) continue;
    addContribution(tick.delta, previous, -1);
    addContribution(tick.delta, next, 1);
    if (previous) tick.dirtyDays.add(pubDateOf(previous));
    if (next) tick.dirtyDays.add(pubDateOf(next));
    tick.changed++;
    tick.stamp++;
    const row = { ...(next ? { ...next, pubDate: pubDateOf(next), removed: false } : { ...stored, removed: true }), _id: application._id, stamp: tick.stamp };
    // New rows go in with one insertMany: per-document upserts are slow on FerretDB.
    if (stored) replaces.push({ replaceOne: { filter: { _id: application._id }, replacement: row } });
    else inserts.push(row);
  }
  if (inserts.length > 0) await PublishedCaseModel.collection.insertMany(inserts as never[], { ordered: false });
  if (replaces.length > 0) await PublishedCaseModel.bulkWrite(replaces as never, { ordered: false });
  return [];
}

const ROW_FIELDS = ['itemCode', 'itemName', 'department', 'departmentName', 'applicant', 'status', 'acceptedDate', 'deadline', 'completedDate', 'onTime', 'oneVisit', 'evaluationScore', 'evaluatedDate'] as const;

function sameRow(previous: PublicRow | null, next: PublicRow | null): boolean {
  if (!previous || !next) return previous === next;
  return ROW_FIELDS.every((field) => (previous[field] ?? null) === (next[field] ?? null));
}

async function applyDailyDelta(delta: DailyDelta): Promise<void> {
  const writes = [...delta].map(([date, change]) => ({ updateOne: { filter: { _id: date }, update: { $inc: change }, upsert: true } }));
  if (writes.length > 0) await PublishDailyModel.bulkWrite(writes as never, { ordered: false });
}

async function currentStats(from: string, to: string) {
  const [days, bookings] = await Promise.all([
    PublishDailyModel.find({ _id: { $gte: from, $lte: to } }).lean(),
    AppointmentModel.countDocuments({ date: { $gte: from, $lte: to }, status: { $ne: 'cancelled' } }),
  ]);
  return statsOf(days, bookings, { from, to });
}

/** Rewrites changed day files (all of them when the window moved or the directory is new), the index and the figures. */
async function writeFiles(dirty: Set<string>, windowStart: string, today: string, stats: object, now: Date, windowMoved: boolean) {
  const dir = path.resolve(config.PUBLISH_DIR);
  const indexFile = path.join(dir, 'index.json');
  const days = await PublishDailyModel.find({ _id: { $gte: windowStart, $lte: today }, listed: { $gt: 0 } }, { listed: 1 }).sort({ _id: -1 }).lean();
  const rewriteAll = windowMoved || !(await exists(indexFile));
  const toWrite = days.map((d) => d._id).filter((date) => rewriteAll || dirty.has(date));
  for (const date of toWrite) {
    const rows = await PublishedCaseModel.find({ pubDate: date, removed: false }).sort({ acceptedDate: -1, _id: 1 }).lean();
    await writeJsonAtomic(dayFile(dir, date), { date, items: rows.map((r) => presentPublicCase(r as PublishedCase & PublicRow)) });
  }
  const removed = await removeDayFilesBefore(dir, windowStart);
  for (const date of dirty) if (date >= windowStart && !days.some((d) => d._id === date)) await writeJsonAtomic(dayFile(dir, date), { date, items: [] });
  await writeJsonAtomic(path.join(dir, 'stats.json'), { generatedAt: now.toISOString(), ...stats });
  await writeJsonAtomic(indexFile, {
    generatedAt: now.toISOString(),
    from: windowStart,
    to: today,
    days: days.map((d) => ({ date: d._id, count: d.listed, file: `progress/${d._id}.json` })),
  });
  return { written: toWrite.length + 2, removed };
}
