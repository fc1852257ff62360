import test from 'ava';
import { AuditLogModel } from '../../models/audit-log.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildDepartment, buildStaff, buildWindow, itemFields, suffix, type StaffFixture } from '../helpers/factories.ts';

let app: TestApp;
let deptX: string;
let deptY: string;
let windowX: string;
let center: StaffFixture;
let adminX: StaffFixture;
let windowStaffX: StaffFixture;

test.before(async () => {
  app = await startTestApp();
  deptX = (await buildDepartment()).code;
  deptY = (await buildDepartment()).code;
  windowX = (await buildWindow(deptX)).code;
  center = await buildStaff('center_admin', null);
  adminX = await buildStaff('dept_admin', deptX);
  windowStaffX = await buildStaff('window', deptX, [windowX]);
});
test.after.always(() => app.close());

test('POST /admin/items › a department admin creates an item in their department; it is public at once and audited', async (t) => {
  const fields = itemFields(deptX, [windowX]);
  const res = await app.request('POST', '/api/v1/admin/items', { token: adminX.token, body: fields });
  t.is(res.status, 201, JSON.stringify(res.body));
  const pub = await app.request('GET', `/api/v1/items/${fields.code}`);
  t.is(pub.status, 200);
  t.is(pub.body.name, fields.name);
  const audit = await AuditLogModel.findOne({ entity: 'item', entityId: fields.code, action: 'create' }).lean();
  t.truthy(audit);
  t.is(audit?.actor?.id, adminX.id);
  t.is((audit?.after as { name: string }).name, fields.name);
});

test('POST /admin/items › a department admin cannot create items of another department', async (t) => {
  const res = await app.request('POST', '/api/v1/admin/items', { token: adminX.token, body: itemFields(deptY, []) });
  t.is(res.status, 403);
  t.is(res.body.error.code, 'FORBIDDEN');
});

test('POST /admin/items › window staff and citizens are refused; anonymous is 401', async (t) => {
  const body = itemFields(deptX, [windowX]);
  t.is((await app.request('POST', '/api/v1/admin/items', { token: windowStaffX.token, body })).status, 403);
  t.is((await app.request('POST', '/api/v1/admin/items', { body })).status, 401);
});

test('POST /admin/items › guide rules are enforced (onsite reason, fee items, limits)', async (t) => {
  const base = itemFields(deptX, [windowX]);
  const cases: [Record<string, unknown>, string][] = [
    [{ visits: 1, onsiteReason: '' }, 'onsiteReason'],
    [{ fee: { charged: true, items: [] } }, 'fee.items'],
    [{ caseType: 'immediate', promisedLimitDays: 3 }, 'promisedLimitDays'],
    [{ legalLimitDays: 2, promisedLimitDays: 5 }, 'promisedLimitDays'],
  ];
  for (const [override, field] of cases) {
    const res = await app.request('POST', '/api/v1/admin/items', { token: center.token, body: { ...base, code: `R${suffix()}`, ...override } });
    t.is(res.status, 400, JSON.stringify(override));
    t.truthy(res.body.error.details.fields[field], `names ${field}`);
  }
});

test('POST /admin/items › wrong types and unknown references answer 400, duplicates 409', async (t) => {
  const base = itemFields(deptX, [windowX]);
  const wrongType = await app.request('POST', '/api/v1/admin/items', { token: center.token, body: { ...base, legalLimitDays: 'ten' } });
  t.is(wrongType.status, 400);
  t.truthy(wrongType.body.error.details.fields['body.legalLimitDays']);
  const badWindow = await app.request('POST', '/api/v1/admin/items', { token: center.token, body: { ...base, code: `B${suffix()}`, windows: ['NOPE'] } });
  t.is(badWindow.status, 400);
  t.truthy(badWindow.body.error.details.fields.windows);
  const first = await app.request('POST', '/api/v1/admin/items', { token: center.token, body: base });
  t.is(first.status, 201);
  const again = await app.request('POST', '/api/v1/admin/items', { token: center.token, body: base });
  t.is(again.status, 409);
  t.is(again.body.error.code, 'CODE_TAKEN');
});

test('PATCH /admin/items/:code › updates the public guide and records before/after', async (t) => {
  const fields = itemFields(deptX, [windowX]);
  await app.request('POST', '/api/v1/admin/items', { token: center.token, body: fields });
  const res = await app.request('PATCH', `/api/v1/admin/items/${fields.code}`, { token: adminX.token, body: { promisedLimitDays: 3, name: '新名称事项' } });
  t.is(res.status, 200, JSON.stringify(res.body));
  t.is((await app.request('GET', `/api/v1/items/${fields.code}`)).body.promisedLimitDays, 3);
  const audit = await AuditLogModel.findOne({ entity: 'item', entityId: fields.code, action: 'update' }).lean();
  t.is((audit?.before as { promisedLimitDays: number }).promisedLimitDays, 5);
  t.is((audit?.after as { promisedLimitDays: number }).promisedLimitDays, 3);
});

test('POST /admin/items/:code/unpublish › removes the item from the public catalogue', async (t) => {
  const fields = itemFields(deptX, [windowX]);
  await app.request('POST', '/api/v1/admin/items', { token: center.token, body: fields });
  t.is((await app.request('GET', `/api/v1/items/${fields.code}`)).status, 200);
  const res = await app.request('POST', `/api/v1/admin/items/${fields.code}/unpublish`, { token: adminX.token });
  t.is(res.status, 200);
  t.is(res.body.published, false);
  t.is((await app.request('GET', `/api/v1/items/${fields.code}`)).status, 404);
  const list = await app.request('GET', `/api/v1/admin/items?pageSize=100`, { token: adminX.token });
  t.true(
    list.body.items.some((i: { code: string }) => i.code === fields.code),
    'admins still see it',
  );
});

test('departments › only center admins create them; windows follow department scope', async (t) => {
  const code = `D${suffix()}`;
  t.is((await app.request('POST', '/api/v1/admin/departments', { token: adminX.token, body: { code, name: '新部门' } })).status, 403);
  t.is((await app.request('POST', '/api/v1/admin/departments', { token: center.token, body: { code, name: '新部门' } })).status, 201);
  t.true((await app.request('GET', '/api/v1/departments')).body.items.some((d: { code: string }) => d.code === code));
  const window = { code: `W${suffix()}`, name: '新窗口', hallCode: 'HALL1', location: '二楼', department: deptY };
  t.is((await app.request('POST', '/api/v1/admin/windows', { token: adminX.token, body: window })).status, 403);
  t.is((await app.request('POST', '/api/v1/admin/windows', { token: adminX.token, body: { ...window, department: deptX } })).status, 201);
  const moved = await app.request('PATCH', `/api/v1/admin/windows/${window.code}`, { token: adminX.token, body: { department: deptY } });
  t.is(moved.status, 403);
});

test('admin lists › a department admin sees only their department', async (t) => {
  const res = await app.request('GET', `/api/v1/admin/windows?department=${deptY}`, { token: adminX.token });
  t.is(res.status, 200);
  t.true(res.body.items.every((w: { department: string }) => w.department === deptX));
});

test('body injection › $-operators and prototype keys are refused before any write', async (t) => {
  const audits = () => AuditLogModel.countDocuments({ entityId: { $in: ['X1', 'X2'] } });
  const res = await app.request('POST', '/api/v1/admin/departments', {
    token: center.token,
    rawBody: JSON.stringify({ code: 'X1', name: { $gt: '' } }),
    headers: { 'Content-Type': 'application/json' },
  });
  t.is(res.status, 400);
  const proto = await app.request('POST', '/api/v1/admin/departments', {
    token: center.token,
    rawBody: '{"code":"X2","name":"a","__proto__":{"admin":true}}',
    headers: { 'Content-Type': 'application/json' },
  });
  t.is(proto.status, 400);
  t.is(await audits(), 0);
});
