// The data migrations of this version, and scripts/drop-stale-indexes.ts. scripts/migrate-counters.ts on data as the three-collection version left it: the catalogue
// version goes on in `counters`; group ticket numbers (a numbering that is gone), rate windows and
// the old collections go; a second run changes nothing.
import test from 'ava';
import mongoose from 'mongoose';
import { readCounter } from '../../models/counter.ts';
import { migrateApplicationDepartments } from '../../scripts/migrate-application-departments.ts';
import { migrateCounters } from '../../scripts/migrate-counters.ts';
import { dropStaleIndexes } from '../../scripts/drop-stale-indexes.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { connectTestDatabase } from '../helpers/app.ts';

test.before(async () => {
  await connectTestDatabase();
});
test.after.always(() => mongoose.disconnect());

test('migrate-counters › old change, queue and rate counters › the catalogue version moves into counters once, the old collections are dropped', async (t) => {
  const db = mongoose.connection.db!;
  const expiresAt = new Date('2030-01-08T00:00:00Z');
  await db.collection<{ _id: string; version: number }>('change_counters').insertOne({ _id: 'catalogue', version: 41 });
  await db
    .collection<{ _id: string; seq: number; date: string; expiresAt: Date }>('queue_counters')
    .insertOne({ _id: 'WG-A:2030-01-01', seq: 17, date: '2030-01-01', expiresAt });
  await db
    .collection<{ _id: string; count: number; expiresAt: Date }>('rate_counters')
    .insertOne({ _id: 'login:ip:1:2030-01-01T00:00:00.000Z', count: 3, expiresAt });

  t.deepEqual(await migrateCounters(db), { versions: 1, droppedCollections: ['change_counters', 'queue_counters', 'rate_counters'] });
  t.is(await readCounter('version:catalogue'), 41);
  t.is(await readCounter('ticket:WG-A:2030-01-01'), 0);
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  t.false(names.some((n) => ['change_counters', 'queue_counters', 'rate_counters'].includes(n)));

  t.deepEqual(await migrateCounters(db), { versions: 0, droppedCollections: [] });
  t.is(await readCounter('version:catalogue'), 41);
});

test('migrate-application-departments › applications of earlier versions › get their one department as departments, once', async (t) => {
  const db = mongoose.connection.db!;
  const applications = db.collection<{ _id: string; department: string; departments?: string[] }>('applications');
  await applications.insertMany([
    { _id: 'old-without', department: 'D1' },
    { _id: 'old-empty', department: 'D2', departments: [] },
    { _id: 'bundle', department: 'D1', departments: ['D1', 'D3'] },
  ]);
  t.deepEqual(await migrateApplicationDepartments(db), { applications: 2 });
  const stored = await applications.find({}, { sort: { _id: 1 } }).toArray();
  t.deepEqual(
    stored.map((a) => [a._id, a.departments]),
    [
      ['bundle', ['D1', 'D3']],
      ['old-empty', ['D2']],
      ['old-without', ['D1']],
    ],
  );
  t.deepEqual(await migrateApplicationDepartments(db), { applications: 0 });
});

test.serial('drop-stale-indexes › indexes of an earlier version › are listed, then dropped with --apply, and the declared ones stay', async (t) => {
  const db = mongoose.connection.db!;
  const declared = async () => (await db.collection('appointments').indexes()).map((i) => i.name).sort();
  const before = await declared();
  // As an earlier version left them: a unique index on a field this version never writes refuses
  // the second citizen (both "null"), and an index on a counter that is gone.
  await db.collection('citizens').createIndex({ legacyCode: 1 }, { unique: true });
  await db.collection('citizens').createIndex({ activeBookings: 1 });
  await db.collection('appointments').createIndex({ seatKey: 1 }, { unique: true, sparse: true });
  await db.dropCollection('rectifications').catch(() => undefined); // a collection not created yet
  await CitizenModel.create({ openid: `stale-index-1-${process.pid}` });
  await t.throwsAsync(CitizenModel.create({ openid: `stale-index-2-${process.pid}` }), { message: /duplicate key/ });

  const stale = [
    { collection: 'appointments', index: 'seatKey_1' },
    { collection: 'citizens', index: 'legacyCode_1' },
    { collection: 'citizens', index: 'activeBookings_1' },
  ];
  const byName = (list: { collection: string; index: string }[]) => [...list].sort((a, b) => (a.collection + a.index).localeCompare(b.collection + b.index));
  t.deepEqual(byName(await dropStaleIndexes({ apply: false })), byName(stale), 'a dry run lists them');
  t.true((await db.collection('citizens').indexExists('legacyCode_1')) as boolean, 'and drops nothing');
  t.deepEqual(byName(await dropStaleIndexes({ apply: true })), byName(stale));
  t.deepEqual(await declared(), before, 'the declared indexes stay');
  await CitizenModel.create({ openid: `stale-index-2-${process.pid}` });
  t.deepEqual(await dropStaleIndexes({ apply: true }), [], 'a second run finds none');
});
