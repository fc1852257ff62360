import test from 'ava';
import { LOCK_MINUTES } from '../../services/staff/login.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { clockInsideWindow } from '../helpers/clock.ts';
import { buildDepartment, buildStaff } from '../helpers/factories.ts';

let app: TestApp;
// Failures are counted in fixed windows: all of this file's fall in one.
test.before(async () => (app = await startTestApp({ clock: clockInsideWindow(LOCK_MINUTES * 60_000) })));
test.after.always(() => app.close());

test('POST /auth/staff/login › right password returns a token with role and scope', async (t) => {
  const dept = (await buildDepartment()).code;
  const staff = await buildStaff('dept_admin', dept);
  const res = await app.request('POST', '/api/v1/auth/staff/login', { body: { username: staff.username, password: staff.password } });
  t.is(res.status, 200);
  t.is(res.body.staff.role, 'dept_admin');
  t.is(res.body.staff.department, dept);
  t.true(res.body.expiresIn > 0);
  const list = await app.request('GET', '/api/v1/admin/items', { token: res.body.token });
  t.is(list.status, 200);
});

test('POST /auth/staff/login › wrong password and unknown user look the same', async (t) => {
  const staff = await buildStaff('window', null);
  const wrong = await app.request('POST', '/api/v1/auth/staff/login', { body: { username: staff.username, password: 'nope-nope' } });
  const unknown = await app.request('POST', '/api/v1/auth/staff/login', { body: { username: 'nobody_here', password: 'nope-nope' } });
  t.is(wrong.status, 401);
  t.is(unknown.status, 401);
  t.is(wrong.body.error.message, unknown.body.error.message);
});

test('POST /auth/staff/login › five wrong passwords lock the account, even for the right one', async (t) => {
  const staff = await buildStaff('window', null);
  for (let i = 0; i < 5; i++) {
    await app.request('POST', '/api/v1/auth/staff/login', { body: { username: staff.username, password: `wrong-${i}` } });
  }
  const res = await app.request('POST', '/api/v1/auth/staff/login', { body: { username: staff.username, password: staff.password } });
  t.is(res.status, 423);
  t.is(res.body.error.code, 'ACCOUNT_LOCKED');
});

test('tokens › a forged or tampered token is 401', async (t) => {
  const staff = await buildStaff('center_admin', null);
  const [header, payload] = staff.token.split('.');
  const forged = `${header}.${payload}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
  const res = await app.request('GET', '/api/v1/admin/items', { token: forged });
  t.is(res.status, 401);
  t.is(res.body.error.code, 'UNAUTHENTICATED');
});

test('POST /auth/staff/login › missing fields answer 400 naming them', async (t) => {
  const res = await app.request('POST', '/api/v1/auth/staff/login', { body: { username: 5 } });
  t.is(res.status, 400);
  t.truthy(res.body.error.details.fields['body.username']);
  t.truthy(res.body.error.details.fields['body.password']);
});
