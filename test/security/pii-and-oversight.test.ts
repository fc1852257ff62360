import test from 'ava';
import { randomBytes } from 'node:crypto';
import { AuditLogModel } from '../../models/audit-log.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { config } from '../../server/config.ts';
import { decryptPii, hashPii } from '../../services/pii/crypto.ts';
import { rotatePiiKey } from '../../services/pii/rotate.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildCitizen, buildDepartment, buildStaff } from '../helpers/factories.ts';

let app: TestApp;
test.before(async () => (app = await startTestApp()));
test.after.always(() => app.close());

const PROFILE = { name: '王小二', idNumber: '11010519491231002X', phone: '13700001234' };

test.serial('key rotation › re-encrypts personal data and lookup hashes under the new key', async (t) => {
  const oldKey = config.PII_KEY;
  const citizen = await buildCitizen();
  t.is((await app.request('PUT', '/api/v1/me/profile', { token: citizen.token, body: PROFILE })).status, 200);
  const newKey = randomBytes(32).toString('base64');
  Object.assign(config, { PII_KEY: newKey, PII_KEY_PREVIOUS: oldKey });
  const counts = await rotatePiiKey();
  t.true(counts.citizens >= 1);
  Object.assign(config, { PII_KEY_PREVIOUS: '' }); // the old key is gone now
  const stored = await CitizenModel.findById(citizen.id).lean();
  t.is(decryptPii(stored!.idNumberEnc!), PROFILE.idNumber);
  t.is(stored!.phoneHash, hashPii(PROFILE.phone));
  t.is((await app.request('GET', '/api/v1/me', { token: citizen.token })).body.phone, '137****1234');
  t.is((await rotatePiiKey()).citizens, 0, 'a second run has nothing left to do');
});

test('GET /admin/citizens/:id › needs a purpose, is audited with it, and stays masked', async (t) => {
  const center = await buildStaff('center_admin', null);
  const citizen = await buildCitizen();
  await app.request('PUT', '/api/v1/me/profile', { token: citizen.token, body: PROFILE });
  const noPurpose = await app.request('GET', `/api/v1/admin/citizens/${citizen.id}`, { token: center.token });
  t.is(noPurpose.status, 400);
  const res = await app.request('GET', `/api/v1/admin/citizens/${citizen.id}?purpose=${encodeURIComponent('核实投诉当事人身份')}`, { token: center.token });
  t.is(res.status, 200);
  t.false(res.text.includes(PROFILE.idNumber));
  t.false(res.text.includes(PROFILE.phone));
  const audit = await AuditLogModel.findOne({ action: 'view_pii', entityId: citizen.id }).lean();
  t.is(audit?.purpose, '核实投诉当事人身份');
  t.is(audit?.actor?.id, center.id);
});

test('GET /admin/citizens/:id › department admins are refused', async (t) => {
  const deptAdmin = await buildStaff('dept_admin', (await buildDepartment()).code);
  const citizen = await buildCitizen();
  const res = await app.request('GET', `/api/v1/admin/citizens/${citizen.id}?purpose=checking`, { token: deptAdmin.token });
  t.is(res.status, 403);
});

test('audit log › readable by center admins, with no route to change it', async (t) => {
  const center = await buildStaff('center_admin', null);
  await app.request('POST', '/api/v1/admin/departments', { token: center.token, body: { code: `AUD${Date.now() % 100000}`, name: '审计测试部门' } });
  const res = await app.request('GET', '/api/v1/admin/audit-logs?entity=department', { token: center.token });
  t.is(res.status, 200);
  t.true(res.body.total >= 1);
  const id = String(res.body.items[0].id);
  for (const method of ['PUT', 'PATCH', 'DELETE']) {
    const attempt = await app.request(method, `/api/v1/admin/audit-logs/${id}`, { token: center.token, body: {} });
    t.true([404, 405].includes(attempt.status), `${method} → ${attempt.status}`);
  }
  t.truthy(await AuditLogModel.findById(id).lean());
});
