// The hot queries of applications and 办件公示, built by the very functions the services use,
// are answered through an index: explain() on the real server, among enough documents that a
// collection scan would be a real alternative.
import type { Collection } from 'mongodb';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import test from 'ava';
import type { Document } from 'mongodb';
import mongoose, { Types } from 'mongoose';
import { ApplicationModel, APPLICATION_STATUSES } from '../../models/application.ts';
import { PublishedCaseModel } from '../../models/published-case.ts';
import { ownListQuery, staffListQuery } from '../../services/applications/find.ts';
import { newerRowsQuery } from '../../services/publishing/ledger.ts';
import { changedApplicationsQuery } from '../../services/publishing/publish.ts';
import { connectTestDatabase } from '../helpers/app.ts';
import { usesIndex } from '../helpers/explain.ts';

const DEPARTMENTS = ['D1', 'D2', 'D3', 'D4'];
const citizens = Array.from({ length: 20 }, () => new Types.ObjectId());
const base = Date.UTC(2026, 0, 5, 2);

/**
 * Inserts fixture documents in batches. On a loaded machine the driver may retry a batch whose
 * answer was lost (a retryable write); the test server then reports the documents already
 * stored as duplicate keys, which for a fixture means they are there.
 */
async function insertFixture(collection: Collection, documents: Document[]): Promise<void> {
  for (let start = 0; start < documents.length; start += 500) {
    try {
      await collection.insertMany(documents.slice(start, start + 500), { ordered: false });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}

test.before(async () => {
  await connectTestDatabase();
  const applications = Array.from({ length: 2_000 }, (_, i) => ({
    citizenId: citizens[i % citizens.length],
    itemCode: `I${i % 7}`,
    department: DEPARTMENTS[i % DEPARTMENTS.length],
    status: APPLICATION_STATUSES[i % APPLICATION_STATUSES.length],
    materials: [],
    supplement: [],
    history: [],
    createdAt: new Date(base + i * 60_000),
    updatedAt: new Date(base + i * 60_000),
  }));
  await insertFixture(ApplicationModel.collection, applications);
  await insertFixture(
    PublishedCaseModel.collection,
    Array.from({ length: 2_000 }, (_, i) => ({ _id: new Types.ObjectId(), stamp: i + 1, removed: false, pubDate: '2026-01-05' })),
  );
});
test.after.always(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model, whatever its schema
type AnyModel = mongoose.Model<any>;

/** A page of the query as findPage runs it, through mongoose (so ids are cast as in the service). */
const explainFind = (model: AnyModel, query: { filter: Record<string, unknown>; sort: Record<string, 1 | -1> }) =>
  model.find(query.filter).sort(query.sort).limit(20).explain('queryPlanner') as Promise<Document>;
/** The total findPage counts beside the page (countDocuments is this aggregation; mongoose casts the filter first). */
const explainCount = (model: AnyModel, filter: Record<string, unknown>) =>
  model.collection.aggregate([{ $match: model.find(filter).cast() }, { $group: { _id: 1, n: { $sum: 1 } } }]).explain('queryPlanner');

const window = { kind: 'staff' as const, id: 's', role: 'window' as const, department: 'D2', windows: [] };
const center = { ...window, role: 'center_admin' as const, department: null };

test('GET /staff/applications?status= › a department’s work queue (page and total) reads an index', async (t) => {
  const query = staffListQuery(window, 'submitted');
  t.true(usesIndex(await explainFind(ApplicationModel, query)));
  t.true(usesIndex(await explainCount(ApplicationModel, query.filter)));
});

test('GET /staff/applications › without a status, and for a center admin, still an index', async (t) => {
  for (const query of [staffListQuery(window, undefined), staffListQuery(center, 'accepted'), staffListQuery(center, undefined)]) {
    t.true(usesIndex(await explainFind(ApplicationModel, query)), JSON.stringify(query.filter));
  }
});

test('GET /me/applications › a citizen’s own list reads an index', async (t) => {
  const query = ownListQuery(String(citizens[3]));
  t.true(usesIndex(await explainFind(ApplicationModel, query)));
  t.true(usesIndex(await explainCount(ApplicationModel, query.filter)));
});

test('publish tick › "changed since the watermark" reads an index', async (t) => {
  t.true(usesIndex(await explainFind(ApplicationModel, changedApplicationsQuery(new Date(base + 1_900 * 60_000)))));
});

test('GET /public/progress › the board’s refresh ("rows newer than mine") reads an index', async (t) => {
  t.true(usesIndex(await explainFind(PublishedCaseModel, newerRowsQuery(1_990, 2_000))));
});
