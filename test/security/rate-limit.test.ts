import test from 'ava';
import { config } from '../../server/config.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildStaff } from '../helpers/factories.ts';
import { countInWindow } from '../../services/rate-limit/counter.ts';
import { CounterModel } from '../../models/counter.ts';
import { ttlPassOverCounters } from '../helpers/ttl.ts';

// Limits count per calendar minute of the request's clock: 20 seconds into one. With a clock ahead
// of the database's, a window's counter expires exactly when the window ends (checked below); with
// one behind it, what is left of the window by the real clock (server/retention.ts).
const NOW = new Date('2099-03-02T01:00:20Z');
let app: TestApp;
test.before(async () => {
  Object.assign(config, { LOGIN_IP_LIMIT_PER_MINUTE: 5 });
  app = await startTestApp({ clock: () => NOW });
});
test.after.always(() => app.close());

test.serial('POST /auth/staff/login › past the per-IP limit answers 429 with Retry-After', async (t) => {
  const staff = await buildStaff('window', null);
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await app.request('POST', '/api/v1/auth/staff/login', { body: { username: staff.username, password: staff.password } });
    statuses.push(res.status);
    if (res.status === 429) {
      t.is(res.body.error.code, 'RATE_LIMITED');
      t.is(res.headers.get('retry-after'), '40');
    }
  }
  t.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
});

test('window counter › 50 concurrent requests against a limit of 20 in a running window › distinct counts, exactly 20 allowed', async (t) => {
  // The window is running: its counter exists, so every count is one atomic $inc and exact.
  const first = await countInWindow('concurrency-window', 60, NOW);
  t.is(first.count, 1);
  const counts = await Promise.all(Array.from({ length: 49 }, () => countInWindow('concurrency-window', 60, NOW)));
  t.deepEqual(
    counts.map((c) => c.count).sort((a, b) => a - b),
    Array.from({ length: 49 }, (_, i) => i + 2),
  );
  t.is([first, ...counts].filter((c) => c.count <= 20).length, 20);
  t.true(counts.every((c) => c.retryAfterSeconds === 40));
  const stored = await CounterModel.find({ _id: { $regex: '^rate:concurrency-window:' } }).lean();
  t.deepEqual(
    stored.map((c) => [c._id, c.value]),
    [['rate:concurrency-window:2099-03-02T01:00:00.000Z', 50]],
  );
  t.deepEqual(stored[0]!.expiresAt, new Date('2099-03-02T01:01:00Z'));
});

test('window counter › 50 first counts of a window racing › every one counted, never more than 20 allowed', async (t) => {
  const counts = await Promise.all(Array.from({ length: 50 }, () => countInWindow('first-race-window', 60, NOW)));
  const allowed = counts.filter((c) => c.count <= 20).length;
  t.true(counts.every((c) => c.count >= 1 && c.count <= 50));
  const stored = await CounterModel.findById('rate:first-race-window:2099-03-02T01:00:00.000Z').lean();
  t.is(stored?.value, 50);
  // "At most 20" holds on any server. MongoDB answers every upsert with its document, so exactly
  // 20 fit. SecantusDB (the local server, never production) can answer racing first counts with
  // none (models/counter.ts); such a caller is refused unless the total read afterwards is within
  // the limit, so fewer fit, as few as none on a loaded machine (measured: 49 of 50 unanswered).
  if (process.env.ONETRIP_TEST_DB_KIND === 'secantusdb') t.true(allowed <= 20, `allowed ${allowed}`);
  else t.is(allowed, 20);
  // Once the window exists every count is one $inc, exact on any server.
  t.is((await countInWindow('first-race-window', 60, NOW)).count, 51);
});

test('window counter › with a clock years behind the database, a TTL pass mid-window keeps the count', async (t) => {
  const past = new Date('2020-03-02T01:00:20Z');
  for (let i = 0; i < 3; i++) await countInWindow('clock-behind', 60, past);
  await ttlPassOverCounters();
  t.is((await countInWindow('clock-behind', 60, past)).count, 4);
});

test('window counter › the next window starts from one; ended windows expire by a TTL index', async (t) => {
  await countInWindow('next-window', 60, NOW);
  t.is((await countInWindow('next-window', 60, new Date('2099-03-02T01:01:00Z'))).count, 1);
  const indexes = await CounterModel.collection.indexes();
  t.true(indexes.some((index) => index.key.expiresAt === 1 && index.expireAfterSeconds === 0));
});
