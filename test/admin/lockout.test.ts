// The login lockout cannot be used to deny a clerk service: failures lock the address they
// come from; many failures from everywhere lock out addresses the account never used; the
// addresses it signs in from keep working; an admin's unlock lifts it all at once.
import test from 'ava';
import { config } from '../../server/config.ts';
import { ACCOUNT_MAX_FAILURES, LOCK_MINUTES, MAX_FAILURES } from '../../services/staff/login.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { clockInsideWindow } from '../helpers/clock.ts';
import { buildStaff } from '../helpers/factories.ts';

let app: TestApp;
test.before(async () => {
  // Addresses come from X-Forwarded-For behind the center's proxy; the per-minute login rate
  // limit is lifted so the lockout itself is what answers.
  Object.assign(config, { TRUST_PROXY: true, LOGIN_LIMIT_PER_MINUTE: 10_000, LOGIN_IP_LIMIT_PER_MINUTE: 10_000 });
  // Failures are counted in fixed windows: all of this file's fall in one.
  app = await startTestApp({ clock: clockInsideWindow(LOCK_MINUTES * 60_000) });
});
test.after.always(() => app.close());

const from = (address: string, username: string, password: string) =>
  app.request('POST', '/api/v1/auth/staff/login', { body: { username, password }, headers: { 'X-Forwarded-For': address } });

test.serial('failures from one address lock that address only', async (t) => {
  const clerk = await buildStaff('window', 'DX');
  for (let n = 0; n < MAX_FAILURES; n += 1) t.is((await from('10.9.0.66', clerk.username, 'wrong')).status, 401);
  const locked = await from('10.9.0.66', clerk.username, clerk.password);
  t.is(locked.status, 423);
  t.is(locked.body.error.code, 'ACCOUNT_LOCKED');
  t.is((await from('10.9.0.7', clerk.username, clerk.password)).status, 200, 'the clerk at another PC signs in');
});

test.serial('failures spread over many addresses lock out new addresses, never the ones the clerk uses', async (t) => {
  const clerk = await buildStaff('window', 'DX');
  t.is((await from('10.9.1.1', clerk.username, clerk.password)).status, 200, 'the window PC, now a known address');
  for (let n = 0; n < ACCOUNT_MAX_FAILURES; n += 1) await from(`10.66.${Math.floor(n / 200)}.${n % 200}`, clerk.username, 'guess');
  t.is((await from('10.77.0.1', clerk.username, clerk.password)).status, 423, 'an address the account never used is locked out');
  t.is((await from('10.9.1.1', clerk.username, clerk.password)).status, 200, 'the known address still works');
});

test.serial('an admin unlock lifts every lockout of the account at once', async (t) => {
  const clerk = await buildStaff('window', 'DX');
  const admin = await buildStaff('dept_admin', 'DX');
  for (let n = 0; n < MAX_FAILURES; n += 1) await from('10.9.2.2', clerk.username, 'wrong');
  t.is((await from('10.9.2.2', clerk.username, clerk.password)).status, 423);
  const unlocked = await app.request('POST', `/api/v1/admin/staff/${clerk.id}/unlock`, { token: admin.token });
  t.is(unlocked.status, 200);
  t.is((await from('10.9.2.2', clerk.username, clerk.password)).status, 200);
});
