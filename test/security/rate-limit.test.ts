import test from 'ava';
import { config } from '../../server/config.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildStaff } from '../helpers/factories.ts';
import { recordHit } from '../../services/rate-limit/hits.ts';

let app: TestApp;
test.before(async () => {
  Object.assign(config, { LOGIN_IP_LIMIT_PER_MINUTE: 5 });
  app = await startTestApp();
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
      const retryAfter = Number(res.headers.get('retry-after'));
      t.true(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    }
  }
  t.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
});

test('hits › concurrent hits are all counted (no lost increments)', async (t) => {
  const counts = await Promise.all(Array.from({ length: 40 }, () => recordHit('concurrency-check', 60_000)));
  t.is(Math.max(...counts), 40);
});
