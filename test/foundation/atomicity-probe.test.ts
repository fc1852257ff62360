import test from 'ava';
import mongoose from 'mongoose';
import { assertAtomicUpdates, describeServer, judgeProbe, NonAtomicDatabaseError, type ProbeResults } from '../../server/atomicity-probe.ts';
import { connectedDb } from '../../server/db.ts';
import { connectTestDatabase } from '../helpers/app.ts';

const exact: ProbeResults = { seats: 5, racers: 100, winners: 5, remaining: 0, increments: 100, total: 100, ms: 300 };

test.before(async () => void (await connectTestDatabase()));
test.after.always(async () => {
  await mongoose.connection.dropDatabase().catch(() => {});
  await mongoose.disconnect();
});

test('judgeProbe › exactly as many winners as seats, none left, every $inc counted › ok', (t) => {
  t.deepEqual(judgeProbe(exact), { ok: true });
});

test('judgeProbe › 37 winners for 5 seats › names the oversell', (t) => {
  const verdict = judgeProbe({ ...exact, winners: 37, remaining: -32 });
  t.false(verdict.ok);
  if (!verdict.ok) t.regex(verdict.problem, /37 winners and left remaining = -32 \(expected 5 winners and 0\)/);
});

test('judgeProbe › 5 winners but a seat left over (a decrement lost) › not ok', (t) => {
  const verdict = judgeProbe({ ...exact, remaining: 1 });
  t.false(verdict.ok);
  if (!verdict.ok) t.regex(verdict.problem, /remaining = 1/);
});

test('judgeProbe › lost $inc (100 concurrent increments left the counter at 4) › not ok', (t) => {
  const verdict = judgeProbe({ ...exact, total: 4 });
  t.false(verdict.ok);
  if (!verdict.ok) {
    t.regex(verdict.problem, /100 concurrent \$inc: 1 on one counter left it at 4/);
    t.notRegex(verdict.problem, /winners/, 'the seats were exact');
  }
});

test('judgeProbe › both wrong › both named', (t) => {
  const verdict = judgeProbe({ ...exact, winners: 196, remaining: -191, total: 2 });
  t.false(verdict.ok);
  if (!verdict.ok) t.regex(verdict.problem, /196 winners.*; 100 concurrent \$inc: 1 on one counter left it at 2/);
});

test('describeServer › names FerretDB and SecantusDB from their buildInfo fields, MongoDB by its version', (t) => {
  t.is(
    describeServer({ version: '7.0.42', gitVersion: 'abc', ferretdbVersion: 'v1.24.0' }),
    'ferretdb v1.24.0 (MongoDB-compatible server reporting version 7.0.42)',
  );
  t.is(describeServer({ version: '8.2.11', secantusVersion: '0.7.0b3' }), 'secantus 0.7.0b3 (MongoDB-compatible server reporting version 8.2.11)');
  t.is(describeServer({ version: '8.0.4', gitVersion: 'bc35ab4305d9920d9d0491c1c9ef9b72383d31f9' }), 'MongoDB-compatible server reporting version 8.0.4');
});

test('NonAtomicDatabaseError › says which server, what went wrong, and that it would oversell', (t) => {
  const results = { ...exact, winners: 37, remaining: -32 };
  const verdict = judgeProbe(results);
  if (verdict.ok) return t.fail();
  const error = new NonAtomicDatabaseError(describeServer({ version: '7.0.42', ferretdbVersion: 'v1.24.0' }), verdict.problem, results);
  t.regex(error.message, /refuses to run on ferretdb v1\.24\.0/);
  t.regex(error.message, /37 winners/);
  t.regex(error.message, /oversell/);
});

test('assertAtomicUpdates › the test database passes, quickly, and the scratch collection is gone', async (t) => {
  const db = connectedDb();
  const before = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  const figures = await assertAtomicUpdates(db);
  t.log(
    `${figures.server}: ${figures.winners} winners for ${figures.seats} seats among ${figures.racers}, $inc total ${figures.total}/${figures.increments}, ${figures.ms} ms`,
  );
  t.like(figures, { winners: 5, remaining: 0, total: 100 });
  t.regex(figures.server, /reporting version \d+/);
  // Under 1 s on an idle machine; the bound leaves room for a loaded CI box.
  t.true(figures.ms < 5000, `${figures.ms} ms`);
  const after = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  t.deepEqual(
    after.filter((name) => !before.has(name)),
    [],
    'no probe collection left behind',
  );
});
