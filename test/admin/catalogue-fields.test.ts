// Catalogue administration honours every documented field and refuses the undocumented: an
// item created unpublished stays hidden, unknown fields are a 400 naming them (nothing stored),
// and answers carry `id`, never `_id` or internals.
import test from 'ava';
import { ItemModel } from '../../models/item.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildDepartment, buildStaff, buildWindow, itemFields, type StaffFixture } from '../helpers/factories.ts';

let app: TestApp;
let dept: string;
let window: string;
let center: StaffFixture;
test.before(async () => {
  app = await startTestApp();
  dept = (await buildDepartment()).code;
  window = (await buildWindow(dept)).code;
  center = await buildStaff('center_admin', null);
});
test.after.always(() => app.close());

test('POST /admin/items › published:false saves the item without showing it to citizens; publishing later shows it', async (t) => {
  const fields = { ...itemFields(dept, [window]), published: false };
  const created = await app.request('POST', '/api/v1/admin/items', { token: center.token, body: fields });
  t.is(created.status, 201, created.text);
  t.false(created.body.published);
  t.is((await app.request('GET', `/api/v1/items/${fields.code}`)).status, 404);
  const published = await app.request('PATCH', `/api/v1/admin/items/${fields.code}`, { token: center.token, body: { published: true } });
  t.true(published.body.published);
  t.is((await app.request('GET', `/api/v1/items/${fields.code}`)).status, 200);
});

test('POST /admin/items, departments, windows, holidays, screens › unknown fields, at the top or nested, are a 400 naming them, and nothing is stored', async (t) => {
  const fields = itemFields(dept, [window]);
  const top = await app.request('POST', '/api/v1/admin/items', { token: center.token, body: { ...fields, promisedDays: 3 } });
  t.is(top.status, 400);
  t.is(top.body.error.code, 'VALIDATION_FAILED');
  t.regex(JSON.stringify(top.body.error.details), /promisedDays/);
  const materials = [{ name: '身份证', form: '原件', copies: 1, required: true, colour: '彩色' }];
  const nested = await app.request('POST', '/api/v1/admin/items', { token: center.token, body: { ...fields, materials } });
  t.is(nested.status, 400);
  t.regex(JSON.stringify(nested.body.error.details), /colour/);
  t.is(await ItemModel.countDocuments({ code: fields.code }), 0);
  const department = await app.request('POST', '/api/v1/admin/departments', { token: center.token, body: { code: 'DZZ', name: '测试局', head: '张' } });
  t.is(department.status, 400);
  t.regex(JSON.stringify(department.body.error.details), /head/);
  const patch = await app.request('PATCH', `/api/v1/admin/windows/${window}`, { token: center.token, body: { floor: 2 } });
  t.is(patch.status, 400);
  // The rest of the admin API is held to the same rule.
  const holiday = await app.request('POST', '/api/v1/admin/holidays', { token: center.token, body: { date: '2026-07-15', kind: 'closure', reason: '停电' } });
  t.is(holiday.status, 400);
  t.regex(JSON.stringify(holiday.body.error.details), /reason/);
  const screen = await app.request('POST', '/api/v1/admin/screens', { token: center.token, body: { code: 'S-X', name: '屏', hallCode: 'HALL1', size: 55 } });
  t.is(screen.status, 400);
});

test('admin catalogue answers › use id, never _id, and list exactly the documented fields', async (t) => {
  const fields = itemFields(dept, [window]);
  const created = await app.request('POST', '/api/v1/admin/items', { token: center.token, body: fields });
  const answers = [
    created.body,
    (await app.request('GET', `/api/v1/admin/items/${fields.code}`, { token: center.token })).body,
    (await app.request('GET', `/api/v1/admin/windows/${window}`, { token: center.token })).body,
    (await app.request('GET', `/api/v1/admin/departments/${dept}`, { token: center.token })).body,
    ...(await app.request('GET', '/api/v1/admin/items?pageSize=5', { token: center.token })).body.items,
  ];
  for (const answer of answers) {
    t.regex(answer.id, /^[0-9a-f]{24}$/);
    t.false('_id' in answer);
    t.false('createdAt' in answer);
  }
  t.is(created.body.name, fields.name);
});
