// Staff accounts managed in full through the API: create (first sign-in must change the
// password), list in scope, change role and scope, reset, disable/enable, unlock — each audited,
// and a department admin manages only their own department.
import test from 'ava';
import { AuditLogModel } from '../../models/audit-log.ts';
import { LOCK_MINUTES } from '../../services/staff/login.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { clockInsideWindow } from '../helpers/clock.ts';
import { buildStaff, suffix, type StaffFixture } from '../helpers/factories.ts';

let app: TestApp;
let center: StaffFixture;
let deptAdmin: StaffFixture;
const DEPT = `D${suffix()}`;
test.before(async () => {
  // Failures are counted in fixed windows: all of this file's fall in one.
  app = await startTestApp({ clock: clockInsideWindow(LOCK_MINUTES * 60_000) });
  center = await buildStaff('center_admin', null);
  deptAdmin = await buildStaff('dept_admin', DEPT);
});
test.after.always(() => app.close());

const login = (username: string, password: string) => app.request('POST', '/api/v1/auth/staff/login', { body: { username, password } });
async function createClerk(token: string, overrides: Record<string, unknown> = {}) {
  const username = `clerk_${suffix().toLowerCase()}`;
  const res = await app.request('POST', '/api/v1/admin/staff', {
    token,
    body: { username, name: '李娜', role: 'window', department: DEPT, windows: ['A03'], password: 'Temp-2026-first', ...overrides },
  });
  return { res, username };
}

test('POST /admin/staff › creates an account that must change its password before it can work', async (t) => {
  const { res, username } = await createClerk(deptAdmin.token);
  t.is(res.status, 201, res.text);
  t.like(res.body, { username, role: 'window', department: DEPT, active: true, mustChangePassword: true });
  t.false('passwordHash' in res.body);
  const first = await login(username, 'Temp-2026-first');
  t.is(first.status, 403);
  t.is(first.body.error.code, 'PASSWORD_CHANGE_REQUIRED');
  const same = await app.request('POST', '/api/v1/auth/staff/password', { body: { username, password: 'Temp-2026-first', newPassword: 'Temp-2026-first' } });
  t.is(same.status, 400);
  const changed = await app.request('POST', '/api/v1/auth/staff/password', {
    body: { username, password: 'Temp-2026-first', newPassword: 'my-own-Secret-77' },
  });
  t.is(changed.status, 204);
  t.is((await login(username, 'my-own-Secret-77')).status, 200);
  t.is((await login(username, 'Temp-2026-first')).status, 401);
  t.truthy(await AuditLogModel.findOne({ entity: 'staff', action: 'create', entityId: res.body.id, 'actor.id': deptAdmin.id }).lean());
});

test('POST /admin/staff › refuses a taken username, a mismatched scope, and unknown fields', async (t) => {
  const { username } = await createClerk(center.token);
  const again = await app.request('POST', '/api/v1/admin/staff', {
    token: center.token,
    body: { username, name: '王', role: 'window', department: DEPT, password: 'Temp-2026-first' },
  });
  t.is(again.status, 409);
  t.is(again.body.error.code, 'USERNAME_TAKEN');
  t.is((await createClerk(center.token, { role: 'center_admin' })).res.status, 400, 'a center admin has no department');
  t.is((await createClerk(center.token, { department: null })).res.status, 400, 'window staff need a department');
  const unknown = await createClerk(center.token, { superuser: true });
  t.is(unknown.res.status, 400);
  t.regex(JSON.stringify(unknown.res.body.error.details), /superuser/);
});

test('department admins › manage only their own department, and never create a center admin', async (t) => {
  t.is((await createClerk(deptAdmin.token, { department: 'OTHER' })).res.status, 403);
  t.is((await createClerk(deptAdmin.token, { role: 'center_admin', department: null })).res.status, 403);
  const outsider = await buildStaff('window', 'OTHER');
  t.is((await app.request('GET', `/api/v1/admin/staff/${outsider.id}`, { token: deptAdmin.token })).status, 404);
  t.is((await app.request('POST', `/api/v1/admin/staff/${outsider.id}/disable`, { token: deptAdmin.token })).status, 404);
  const list = await app.request('GET', '/api/v1/admin/staff?pageSize=100', { token: deptAdmin.token });
  t.is(list.status, 200);
  t.true(list.body.items.length > 0);
  t.true(list.body.items.every((s: { department: string }) => s.department === DEPT));
  const all = await app.request('GET', '/api/v1/admin/staff?pageSize=100', { token: center.token });
  t.true(all.body.items.some((s: { id: string }) => s.id === outsider.id));
});

test('PATCH /admin/staff/:id › changes role and scope, audited with before and after', async (t) => {
  const { res } = await createClerk(center.token);
  const promoted = await app.request('PATCH', `/api/v1/admin/staff/${res.body.id}`, { token: center.token, body: { role: 'dept_admin', windows: [] } });
  t.is(promoted.status, 200);
  t.like(promoted.body, { role: 'dept_admin', windows: [], department: DEPT });
  const audit = await AuditLogModel.findOne({ entity: 'staff', action: 'update', entityId: res.body.id }).lean();
  t.is((audit?.before as { role: string }).role, 'window');
  t.is((audit?.after as { role: string }).role, 'dept_admin');
  t.false(JSON.stringify(audit).includes('scrypt$'), 'no password hash in the audit log');
  const self = await app.request('PATCH', `/api/v1/admin/staff/${deptAdmin.id}`, { token: deptAdmin.token, body: { role: 'window' } });
  t.is(self.status, 403, 'nobody changes their own role');
});

test('reset, disable, enable › a reset forces a new password; a disabled account cannot sign in', async (t) => {
  const { res, username } = await createClerk(center.token);
  await app.request('POST', '/api/v1/auth/staff/password', { body: { username, password: 'Temp-2026-first', newPassword: 'my-own-Secret-77' } });
  const reset = await app.request('POST', `/api/v1/admin/staff/${res.body.id}/reset-password`, {
    token: deptAdmin.token,
    body: { password: 'Reset-2026-temp' },
  });
  t.is(reset.status, 200);
  t.true(reset.body.mustChangePassword);
  t.is((await login(username, 'my-own-Secret-77')).status, 401);
  t.is((await login(username, 'Reset-2026-temp')).body.error.code, 'PASSWORD_CHANGE_REQUIRED');
  await app.request('POST', '/api/v1/auth/staff/password', { body: { username, password: 'Reset-2026-temp', newPassword: 'second-Secret-88' } });
  t.is((await app.request('POST', `/api/v1/admin/staff/${res.body.id}/disable`, { token: deptAdmin.token })).body.active, false);
  t.is((await login(username, 'second-Secret-88')).status, 401);
  t.is((await app.request('POST', `/api/v1/admin/staff/${res.body.id}/enable`, { token: deptAdmin.token })).body.active, true);
  t.is((await login(username, 'second-Secret-88')).status, 200);
  const actions = (await AuditLogModel.find({ entity: 'staff', entityId: res.body.id }).lean()).map((a) => a.action);
  for (const action of ['create', 'reset_password', 'disable', 'enable']) t.true(actions.includes(action), action);
});

test('POST /admin/staff/:id/unlock › an admin lifts a lockout at once', async (t) => {
  const { res, username } = await createClerk(center.token);
  await app.request('POST', '/api/v1/auth/staff/password', { body: { username, password: 'Temp-2026-first', newPassword: 'my-own-Secret-77' } });
  for (let n = 0; n < 5; n += 1) await login(username, 'wrong-password');
  t.is((await login(username, 'my-own-Secret-77')).status, 423);
  t.true((await app.request('GET', `/api/v1/admin/staff/${res.body.id}`, { token: center.token })).body.locked);
  const unlocked = await app.request('POST', `/api/v1/admin/staff/${res.body.id}/unlock`, { token: deptAdmin.token });
  t.is(unlocked.status, 200);
  t.is((await login(username, 'my-own-Secret-77')).status, 200);
  t.truthy(await AuditLogModel.findOne({ entity: 'staff', action: 'unlock', entityId: res.body.id }).lean());
});
