import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { NotificationModel } from '../../models/notification.ts';
import { caseDeadline } from '../../services/applications/deadline.ts';
import { businessDate } from '../../services/applications/business-date.ts';
import { buildScene, files, openWithMaterials, upload } from './fixtures.ts';

let app: TestApp;
let scene: Awaited<ReturnType<typeof buildScene>>;

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  scene = await buildScene();
});
test.after.always(() => app.close());

const post = (path: string, token: string, body?: unknown) => app.request('POST', `/api/v1${path}`, { token, body });

test('application › whole life: draft, submit, supplement, resubmit, approve, accept, complete, with full history for the owner', async (t) => {
  const { citizen, clerk, item } = scene;
  const opened = await post('/applications', citizen.token, { itemCode: item.code });
  t.is(opened.status, 201);
  t.is(opened.body.status, 'draft');
  t.is(opened.body.itemName, item.name);
  const id = opened.body.id;

  for (const name of ['居民身份证', '申请表']) t.is((await upload(app, citizen.token, id, name, files.pdf())).status, 200);
  t.is((await post(`/applications/${id}/submit`, citizen.token)).body.status, 'submitted');

  const supplement = await post(`/staff/applications/${id}/review`, clerk.token, {
    decision: 'supplement',
    missing: [
      { materialName: '居民身份证', note: '照片页不清晰' },
      { materialName: '委托书', note: '代办须提供委托书' },
    ],
  });
  t.is(supplement.status, 200);
  t.is(supplement.body.status, 'supplement_required');

  // The citizen sees every item of the notice in one answer (一次性告知).
  const seen = await app.request('GET', `/api/v1/applications/${id}`, { token: citizen.token });
  t.deepEqual(seen.body.supplement, [
    { materialName: '居民身份证', note: '照片页不清晰' },
    { materialName: '委托书', note: '代办须提供委托书' },
  ]);

  // Resubmitting without replacing them lists both.
  const early = await post(`/applications/${id}/submit`, citizen.token);
  t.is(early.status, 409);
  t.is(early.body.error.code, 'MATERIALS_MISSING');
  t.deepEqual(early.body.error.details.missing, ['居民身份证', '委托书']);

  t.is((await upload(app, citizen.token, id, '居民身份证', files.jpg(), 'id.jpg')).status, 200);
  t.is((await upload(app, citizen.token, id, '委托书', files.png(), 'proxy.png')).status, 200);
  t.is((await post(`/applications/${id}/submit`, citizen.token)).body.status, 'submitted');

  const approved = await post(`/staff/applications/${id}/review`, clerk.token, { decision: 'approve', note: '材料齐全' });
  t.is(approved.body.status, 'approved');
  t.deepEqual(approved.body.supplement, []);

  const accepted = await post(`/staff/applications/${id}/accept`, clerk.token);
  t.is(accepted.status, 200);
  t.is(accepted.body.status, 'accepted');
  const today = businessDate(fileClock());
  t.is(accepted.body.acceptedDate, today);
  t.is(accepted.body.deadline, await caseDeadline(today, item.promisedLimitDays));

  const completed = await post(`/staff/applications/${id}/complete`, clerk.token, { onsiteVisits: 1 });
  t.is(completed.body.status, 'completed');
  t.true(completed.body.onTime);
  t.is(completed.body.onsiteVisits, 1);
  t.is(completed.body.completedDate, today);
  t.truthy(completed.body.completedAt);

  const final = await app.request('GET', `/api/v1/applications/${id}`, { token: citizen.token });
  t.deepEqual(
    final.body.history.map((h: { status: string }) => h.status),
    ['draft', 'submitted', 'supplement_required', 'submitted', 'approved', 'accepted', 'completed'],
  );
  const byStaff = final.body.history.filter((h: { by: { kind: string } }) => h.by.kind === 'staff');
  t.true(byStaff.every((h: { by: { id: string }; at: string; note: string }) => h.by.id === clerk.id && h.at && h.note));
  t.true(final.body.history[2].note.length > 0);

  const mine = await app.request('GET', '/api/v1/me/applications', { token: citizen.token });
  t.true(mine.body.items.some((a: { id: string }) => a.id === id));

  const queued = await NotificationModel.find({ entityId: id }).sort({ createdAt: 1 }).lean();
  t.deepEqual(
    queued.map((n) => n.kind),
    ['supplement_required', 'approved', 'accepted', 'completed'],
  );
});

test('POST /applications › item without online pre-review › answers 409 PRE_REVIEW_NOT_OFFERED', async (t) => {
  const { item } = await buildScene({ onlinePreReview: false });
  const res = await post('/applications', scene.citizen.token, { itemCode: item.code });
  t.is(res.status, 409);
  t.is(res.body.error.code, 'PRE_REVIEW_NOT_OFFERED');
});

test('POST /applications › unknown item › answers 404 NOT_FOUND', async (t) => {
  const res = await post('/applications', scene.citizen.token, { itemCode: 'NO-SUCH-ITEM' });
  t.is(res.status, 404);
  t.is(res.body.error.code, 'NOT_FOUND');
});

test('POST /applications › citizen without real-name profile › answers 403 PROFILE_REQUIRED', async (t) => {
  const { citizen } = await buildScene();
  const { buildCitizen } = await import('../helpers/factories.ts');
  const anonymous = await buildCitizen();
  t.truthy(citizen);
  const res = await post('/applications', anonymous.token, { itemCode: scene.item.code });
  t.is(res.status, 403);
  t.is(res.body.error.code, 'PROFILE_REQUIRED');
});

test('POST /applications › staff token › answers 403 FORBIDDEN; no token › 401', async (t) => {
  t.is((await post('/applications', scene.clerk.token, { itemCode: scene.item.code })).status, 403);
  t.is((await app.request('POST', '/api/v1/applications', { body: { itemCode: scene.item.code } })).status, 401);
});

test('POST /applications/:id/submit › required material missing › answers 409 MATERIALS_MISSING listing every one', async (t) => {
  const opened = await post('/applications', scene.citizen.token, { itemCode: scene.item.code });
  const res = await post(`/applications/${opened.body.id}/submit`, scene.citizen.token);
  t.is(res.status, 409);
  t.is(res.body.error.code, 'MATERIALS_MISSING');
  t.deepEqual(res.body.error.details.missing, ['居民身份证', '申请表']);
  t.is((await app.request('GET', `/api/v1/applications/${opened.body.id}`, { token: scene.citizen.token })).body.status, 'draft');
});

test('POST /applications/:id/submit › already submitted › answers 409 INVALID_STATE', async (t) => {
  const id = await openWithMaterials(app, scene.citizen.token, scene.item.code);
  t.is((await post(`/applications/${id}/submit`, scene.citizen.token)).status, 200);
  const again = await post(`/applications/${id}/submit`, scene.citizen.token);
  t.is(again.status, 409);
  t.is(again.body.error.code, 'INVALID_STATE');
  t.is(again.body.error.details.status, 'submitted');
});

test('staff transitions › out of order › answer 409 INVALID_STATE and change nothing', async (t) => {
  const id = await openWithMaterials(app, scene.citizen.token, scene.item.code);
  const { clerk } = scene;
  // A draft is the citizen's own: staff do not see it at all.
  t.is((await post(`/staff/applications/${id}/review`, clerk.token, { decision: 'approve' })).status, 404);
  await post(`/applications/${id}/submit`, scene.citizen.token);
  for (const [path, body] of [
    [`/staff/applications/${id}/accept`, undefined],
    [`/staff/applications/${id}/complete`, { onsiteVisits: 1 }],
  ] as const) {
    const res = await post(path, clerk.token, body);
    t.is(res.status, 409, path);
    t.is(res.body.error.code, 'INVALID_STATE');
  }
  t.is((await post(`/staff/applications/${id}/review`, clerk.token, { decision: 'reject', note: '不符合受理条件' })).status, 200);
  for (const decision of ['approve', 'reject'] as const) {
    const res = await post(`/staff/applications/${id}/review`, clerk.token, { decision, note: '再次' });
    t.is(res.status, 409);
    t.is(res.body.error.code, 'INVALID_STATE');
  }
  t.is((await post(`/staff/applications/${id}/accept`, clerk.token)).body.error.code, 'INVALID_STATE');
  t.is((await post(`/applications/${id}/submit`, scene.citizen.token)).body.error.code, 'INVALID_STATE');
  const seen = await app.request('GET', `/api/v1/applications/${id}`, { token: scene.citizen.token });
  t.is(seen.body.status, 'rejected');
  t.is(seen.body.history.at(-1).note, '不符合受理条件');
});

test('POST /staff/applications/:id/review › bad decisions › answer 400 naming the problem', async (t) => {
  const id = await openWithMaterials(app, scene.citizen.token, scene.item.code);
  await post(`/applications/${id}/submit`, scene.citizen.token);
  const noList = await post(`/staff/applications/${id}/review`, scene.clerk.token, { decision: 'supplement', missing: [] });
  t.is(noList.status, 400);
  t.truthy(noList.body.error.details.fields['body.missing']);
  const noReason = await post(`/staff/applications/${id}/review`, scene.clerk.token, { decision: 'reject' });
  t.is(noReason.status, 400);
  t.truthy(noReason.body.error.details.fields['body.note']);
  const unknown = await post(`/staff/applications/${id}/review`, scene.clerk.token, { decision: 'supplement', missing: ['户口簿', '申请表'] });
  t.is(unknown.status, 400);
  t.is(unknown.body.error.code, 'UNKNOWN_MATERIAL');
  t.deepEqual(unknown.body.error.details.unknown, ['户口簿']);
  const bad = await post(`/staff/applications/${id}/review`, scene.clerk.token, { decision: 'maybe' });
  t.is(bad.status, 400);
  t.is(bad.body.error.code, 'VALIDATION_FAILED');
  // Plain material names work too.
  const ok = await post(`/staff/applications/${id}/review`, scene.clerk.token, { decision: 'supplement', missing: ['申请表'] });
  t.is(ok.status, 200);
  t.deepEqual(ok.body.supplement, [{ materialName: '申请表', note: '' }]);
});

test('POST /staff/applications/:id/complete › onsiteVisits missing or negative › answers 400 VALIDATION_FAILED', async (t) => {
  const res = await post('/staff/applications/000000000000000000000000/complete', scene.clerk.token, { onsiteVisits: -1 });
  t.is(res.status, 400);
  t.truthy(res.body.error.details.fields['body.onsiteVisits']);
});

test('GET /openapi.json › documents the application routes, the upload as multipart', async (t) => {
  const res = await app.request('GET', '/openapi.json');
  const paths = res.body.paths;
  for (const path of [
    '/api/v1/applications',
    '/api/v1/applications/{id}/materials',
    '/api/v1/applications/{id}/submit',
    '/api/v1/me/applications',
    '/api/v1/applications/{id}',
    '/api/v1/applications/{id}/evaluation',
    '/api/v1/applications/{id}/materials/{materialName}/file',
    '/api/v1/staff/applications',
    '/api/v1/staff/applications/{id}/review',
    '/api/v1/staff/applications/{id}/accept',
    '/api/v1/staff/applications/{id}/complete',
    '/api/v1/staff/cases',
    '/api/v1/staff/evaluations',
    '/api/v1/admin/rectifications',
    '/api/v1/admin/rectifications/{id}/close',
  ])
    t.truthy(paths[path], path);
  t.truthy(paths['/api/v1/applications/{id}/materials'].post.requestBody.content['multipart/form-data']);
  t.truthy(paths['/api/v1/applications/{id}/materials'].post.responses['413']);
});
