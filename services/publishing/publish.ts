// One publishing tick of 办件公示: reads the applications written since the watermark (on the
// `{updatedAt, _id}` index), rewrites the published row of each case whose public row changed,
// and applies those rows to the in-memory view (view.ts), from which the figures come and only
// the day files that changed are rewritten.
// The read starts a little before the watermark, because a write can carry an `updatedAt` older
// than one already read (its `now` was taken before a faster write committed, or on an instance
// whose clock is behind); re-reading is harmless, since an unchanged row is not written again.
import type { Types } from 'mongoose';
import { ApplicationModel } from '../../models/application.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { PublishedCaseModel, PublishStateModel } from '../../models/published-case.ts';
import { config } from '../../server/config.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { changedSinceQuery } from '../applications/find.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { addDays, zonedDate } from '../calendar/zoned-time.ts';
import { writeFiles } from './day-files.ts';
import { pubDateOf } from './figures.ts';
import type { Ledger, LedgerRow } from './ledger.ts';
import { publicRowOf, type CaseSource, type PublicRow } from './row.ts';
import type { Replacement } from './view.ts';

const STATE_ID = 'progress';
const BATCH = 1000;
/** Re-read this much before the watermark (see above). */
export const OVERLAP_MS = 5_000;
export const CASE_FIELDS =
  'itemCode department status applicantNameEnc applicantIsCompany acceptedDate deadline completedDate onTime onsiteVisits evaluationScore evaluatedAt updatedAt bundleCode deferred materials.reusedFrom';

interface TickState {
  stamp: number;
  watermark: Date | null;
  replaced: Replacement[];
  scanned: number;
  ledger: Ledger;
}

/** The applications a tick reads: written since `watermark` less the overlap, all of them the first time. */
export const changedApplicationsQuery = (watermark: Date | null) => changedSinceQuery(watermark && new Date(watermark.getTime() - OVERLAP_MS));

/** Publishes what changed; `now` fixes "today" and the window. */
export async function publishProgress(now: Date, catalogue: CatalogueSnapshot, ledger: Ledger) {
  const state = await PublishStateModel.findById(STATE_ID).lean();
  await ledger.sync(state?.stamp ?? 0);
  const tick: TickState = { stamp: Math.max(state?.stamp ?? 0, ledger.stamp()), watermark: state?.watermark ?? null, replaced: [], scanned: 0, ledger };
  const generationBefore = ledger.generation();
  const view = ledger.view;
  await publishChanged(tick, catalogue);

  const today = zonedDate(now, config.TZ_NAME);
  const windowStart = addDays(today, -(config.PUBLISH_DAYS - 1));
  const changedDays = view.update(tick.replaced, generationBefore, windowStart, today);
  const bookings = await AppointmentModel.countDocuments({ date: { $gte: windowStart, $lte: today }, status: { $ne: 'cancelled' } });
  const stats = view.tallies.statsFor(bookings, { from: windowStart, to: today });
  const files = await writeFiles(view, changedDays, { windowStart, today, stats, now });
  await PublishStateModel.updateOne(
    { _id: STATE_ID },
    { $set: { watermark: tick.watermark, stamp: tick.stamp, windowStart, stats, publishedAt: now } },
    { upsert: true },
  );
  return { scanned: tick.scanned, changed: tick.replaced.length, filesWritten: files.written, filesRemoved: files.removed };
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
  const previousRows = new Map<string, LedgerRow>();
  for (const application of batch) {
    const next = publicRowOf(application, catalogue, config.TZ_NAME);
    const caseId = String(application._id);
    const previous = tick.ledger.row(caseId);
    if (sameRow(previous ?? null, next)) continue;
    if (previous) previousRows.set(caseId, previous);
    tick.stamp++;
    const _id = application._id as Types.ObjectId;
    versions.push(
      next ? { _id, stamp: tick.stamp, removed: false as const, ...next, pubDate: pubDateOf(next) } : { _id, stamp: tick.stamp, removed: true as const },
    );
  }
  if (versions.length === 0) return [];
  const known = (version: { _id: Types.ObjectId }) => previousRows.has(String(version._id));
  await writeRows(
    versions.filter((version) => !known(version)),
    versions.filter(known),
  );
  for (const version of versions) {
    tick.ledger.apply(version);
    const caseId = String(version._id);
    tick.replaced.push({ before: previousRows.get(caseId), after: tick.ledger.row(caseId) });
  }
  return [];
}

type PublishedRow = { _id: Types.ObjectId; stamp: number };

/** New cases are inserted (the first publish inserts every case), known ones replaced in place. */
async function writeRows(fresh: PublishedRow[], known: PublishedRow[]): Promise<void> {
  const replace = (rows: PublishedRow[]) =>
    rows.length > 0 &&
    PublishedCaseModel.collection.bulkWrite(rows.map((row) => ({ replaceOne: { filter: { _id: row._id }, replacement: row, upsert: true } })));
  try {
    if (fresh.length > 0) await PublishedCaseModel.collection.insertMany(fresh, { ordered: false });
  } catch (error) {
    // A row this copy had dropped (a case that left the board and came back): replace it.
    if (!isDuplicateKey(error)) throw error;
    await replace(fresh);
  }
  await replace(known);
}

const ROW_FIELDS = [
  'itemCode',
  'itemName',
  'department',
  'departmentName',
  'applicant',
  'status',
  'acceptedDate',
  'deadline',
  'completedDate',
  'onTime',
  'oneVisit',
  'visits',
  'deferredAccepted',
  'reusedMaterials',
  'evaluationScore',
  'evaluatedDate',
] as const;

function sameRow(previous: PublicRow | null, next: PublicRow | null): boolean {
  if (!previous || !next) return previous === next;
  return ROW_FIELDS.every((field) => (previous[field] ?? null) === (next[field] ?? null));
}
