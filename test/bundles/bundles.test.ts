import test from 'ava';
import { NotificationModel } from '../../models/notification.ts';
import { businessDate } from '../../services/applications/business-date.ts';
import { caseDeadline } from '../../services/applications/deadline.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildCitizen, buildDepartment, buildItem, buildStaff, buildWindow, suffix } from '../helpers/factories.ts';
import { files, upload } from '../applications/fixtures.ts';

let app: TestApp;
const code = `B${suffix()}`;
let parts: { department: string; item: { code: string }; clerk: { token: string } }[];
let center: { token: string };
let citizen: { id: string; token: string };

async function part(materials: Record<string, unknown>[], promisedLimitDays: number) {
  const department = (await buildDepartment()).code;
  const window = (await buildWindow(department)).code;
  const item = await buildItem({ department, windows: [window], materials, promisedLimitDays });
  return { department, item, clerk: await buildStaff('window', department, [window]) };
}

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  parts = [
    await part(
      [
        { name: '居民身份证', form: '复印件', copies: 1, required: true },
        { name: '出生医学证明', form: '原件', copies: 1, required: true },
      ],
      3,
    ),
    await part(
      [
        { name: '居民身份证', form: '原件', copies: 2, required: true },
        { name: '参保登记表', form: '原件', copies: 1, required: true },
      ],
      10,
    ),
  ];
  center = await buildStaff('center_admin', null);
  citizen = await buildCitizen({ verified: true });
});
test.after.always(() => app.close());

const post = (path: string, token: string, body?: unknown) => app.request('POST', `/api/v1${path}`, { token, body });
const get = (path: string, token?: string) => app.request('GET', `/api/v1${path}`, token ? { token } : {});
const names = (materials: { materialName: string }[]) => materials.map((m) => m.materialName).sort();

test.serial('一件事 › defined by an admin, one merged guide, one application, split pre-review, member cases, told once when all are done', async (t) => {
  const defined = await app.request('PUT', `/api/v1/admin/bundles/${code}`, {
    token: center.token,
    body: { name: '新生儿出生一件事', items: parts.map((p) => p.item.code) },
  });
  t.is(defined.status, 200);
  const guide = await get(`/bundles/${code}`);
  t.is(guide.status, 200);
  t.is(guide.body.items.length, 2);
  t.is(guide.body.promisedLimitDays, 10, 'the longest promised limit');
  const idCard = guide.body.materials.filter((m: { name: string }) => m.name === '居民身份证');
  t.is(idCard.length, 1, 'asked once');
  t.like(idCard[0], { form: '原件', copies: 2, required: true });
  t.is(guide.body.materials.length, 3);
  t.true((await get('/bundles')).body.items.some((b: { code: string }) => b.code === code));

  const opened = await post('/applications', citizen.token, { bundleCode: code });
  t.is(opened.status, 201);
  const id: string = opened.body.id;
  t.is(opened.body.itemName, '新生儿出生一件事');
  for (const name of ['居民身份证', '出生医学证明', '参保登记表']) t.is((await upload(app, citizen.token, id, name, files.pdf())).status, 200);
  t.is((await post(`/applications/${id}/submit`, citizen.token)).body.status, 'submitted');

  // Both departments find it in their work queue; each sees only its own part's materials.
  const [a, b] = parts as [(typeof parts)[0], (typeof parts)[0]];
  for (const part of [a, b]) {
    const queue = await get('/staff/applications?status=submitted', part.clerk.token);
    t.true(
      queue.body.items.some((x: { id: string }) => x.id === id),
      `in the work queue of ${part.department}`,
    );
  }
  t.deepEqual(names((await get(`/staff/applications/${id}`, a.clerk.token)).body.materials), ['出生医学证明', '居民身份证']);
  t.deepEqual(names((await get(`/staff/applications/${id}`, b.clerk.token)).body.materials), ['参保登记表', '居民身份证']);
  t.is((await get(`/staff/applications/${id}/materials/${encodeURIComponent('参保登记表')}/file`, a.clerk.token)).status, 404);
  const foreign = await post(`/staff/applications/${id}/review`, a.clerk.token, { decision: 'supplement', missing: ['参保登记表'] });
  t.is(foreign.status, 400);

  // One supplement notice merging both departments' missing items.
  const first = await post(`/staff/applications/${id}/review`, a.clerk.token, {
    decision: 'supplement',
    missing: [{ materialName: '出生医学证明', note: '不清晰' }],
  });
  t.is(first.body.status, 'submitted', 'waits for the other department');
  const second = await post(`/staff/applications/${id}/review`, b.clerk.token, { decision: 'supplement', missing: ['参保登记表'] });
  t.is(second.body.status, 'supplement_required');
  t.deepEqual(names(second.body.supplement), ['出生医学证明', '参保登记表']);
  t.is(await NotificationModel.countDocuments({ entityId: id, kind: 'supplement_required' }), 1);

  for (const name of ['出生医学证明', '参保登记表']) await upload(app, citizen.token, id, name, files.png(), 'again.png');
  t.is((await post(`/applications/${id}/submit`, citizen.token)).body.status, 'submitted');
  t.is((await post(`/staff/applications/${id}/review`, b.clerk.token, { decision: 'approve' })).body.status, 'submitted');
  t.is((await post(`/staff/applications/${id}/review`, a.clerk.token, { decision: 'approve' })).body.status, 'approved');

  // Acceptance creates the member cases, each with its own department and deadline.
  const accepted = await post(`/staff/applications/${id}/accept`, a.clerk.token);
  t.is(accepted.status, 200);
  const today = businessDate(fileClock());
  t.is(accepted.body.deadline, await caseDeadline(today, 10));
  const cases = accepted.body.bundle.cases as { id: string; department: string; deadline: string; status: string }[];
  t.deepEqual(cases.map((c) => c.department).sort(), parts.map((p) => p.department).sort());
  t.is(cases.find((c) => c.department === a.department)!.deadline, await caseDeadline(today, 3));
  t.true(cases.every((c) => c.status === 'accepted'));
  const listed = await get('/staff/applications?status=accepted', b.clerk.token);
  t.true(
    listed.body.items.some((x: { id: string; bundleId: string; department: string }) => x.bundleId === id && x.department === b.department),
    'counted in its department',
  );

  const direct = await post(`/staff/applications/${id}/complete`, a.clerk.token, { onsiteVisits: 0 });
  t.is(direct.status, 409);
  t.is((await post(`/staff/applications/${cases.find((c) => c.department === a.department)!.id}/complete`, a.clerk.token, { onsiteVisits: 0 })).status, 200);
  t.is((await get(`/applications/${id}`, citizen.token)).body.status, 'accepted');
  t.is((await post(`/staff/applications/${cases.find((c) => c.department === b.department)!.id}/complete`, b.clerk.token, { onsiteVisits: 0 })).status, 200);
  const done = await get(`/applications/${id}`, citizen.token);
  t.is(done.body.status, 'completed');
  t.true(done.body.bundle.cases.every((c: { status: string }) => c.status === 'completed'));
  t.is(await NotificationModel.countDocuments({ entityId: id, kind: 'completed' }), 1, 'told once');
  t.is((await get('/me/applications', citizen.token)).body.total, 1, 'one progress line');
});

test('一件事 › unknown bundle 404; items must exist; only center admins define bundles', async (t) => {
  t.is((await get('/bundles/NOPE-X')).status, 404);
  t.is((await post('/applications', citizen.token, { bundleCode: 'NOPE-X' })).status, 404);
  t.is((await post('/applications', citizen.token, { itemCode: 'A', bundleCode: 'B' })).status, 400);
  const bad = await app.request('PUT', `/api/v1/admin/bundles/X${suffix()}`, { token: center.token, body: { name: '无', items: ['NOPE-1', 'NOPE-2'] } });
  t.is(bad.status, 400);
  t.is(bad.body.error.code, 'UNKNOWN_ITEM');
  const admin = await buildStaff('dept_admin', parts[0]!.department);
  t.is((await app.request('PUT', `/api/v1/admin/bundles/X${suffix()}`, { token: admin.token, body: { name: '无', items: [] } })).status, 403);
});
