import test from 'ava';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { ApplicationModel } from '../../models/application.ts';
import { buildStaff } from '../helpers/factories.ts';
import { applicationIn, buildScene, files, openWithMaterials, upload } from './fixtures.ts';

let app: TestApp;
let scene: Awaited<ReturnType<typeof buildScene>>;
let other: Awaited<ReturnType<typeof buildScene>>;

test.before(async () => {
  app = await startTestApp();
  scene = await buildScene();
  other = await buildScene();
});
test.after.always(() => app.close());

const review = (id: string, token: string, body: unknown) => app.request('POST', `/api/v1/staff/applications/${id}/review`, { token, body });

test('review race › two staff decide at once › exactly one 200 and one 409 INVALID_STATE, one history entry', async (t) => {
  const secondClerk = await buildStaff('window', scene.department);
  for (const [first, second] of [
    [{ decision: 'approve' }, { decision: 'reject', note: '材料不符' }],
    [{ decision: 'approve' }, { decision: 'approve' }],
    [{ decision: 'supplement', missing: ['申请表'] }, { decision: 'approve' }],
  ]) {
    const id = await applicationIn(app, scene, 'submitted');
    const answers = await Promise.all([review(id, scene.clerk.token, first), review(id, secondClerk.token, second)]);
    t.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    t.is(answers.find((a) => a.status === 409)!.body.error.code, 'INVALID_STATE');
    const stored = await ApplicationModel.findById(id).lean();
    t.is(stored!.history.filter((h) => h.status !== 'draft' && h.status !== 'submitted').length, 1);
    t.is(stored!.status, answers.find((a) => a.status === 200)!.body.status);
  }
});

test('review race › five staff approve at once › one 200, four 409, one approval in history', async (t) => {
  const clerks = [scene.clerk, ...(await Promise.all([1, 2, 3, 4].map(() => buildStaff('window', scene.department))))];
  for (let round = 0; round < 3; round += 1) {
    const id = await applicationIn(app, scene, 'submitted');
    const answers = await Promise.all(clerks.map((clerk) => review(id, clerk.token, { decision: 'approve' })));
    t.deepEqual(answers.map((a) => a.status).sort(), [200, 409, 409, 409, 409]);
    const stored = await ApplicationModel.findById(id).lean();
    t.is(stored!.history.filter((h) => h.status === 'approved').length, 1);
  }
});

test('accept and complete races › only one succeeds', async (t) => {
  const id = await applicationIn(app, scene, 'approved');
  const accepts = await Promise.all([1, 2, 3].map(() => app.request('POST', `/api/v1/staff/applications/${id}/accept`, { token: scene.clerk.token })));
  t.deepEqual(accepts.map((a) => a.status).sort(), [200, 409, 409]);
  const completes = await Promise.all(
    [0, 2].map((onsiteVisits) => app.request('POST', `/api/v1/staff/applications/${id}/complete`, { token: scene.clerk.token, body: { onsiteVisits } })),
  );
  t.deepEqual(completes.map((a) => a.status).sort(), [200, 409]);
  const stored = await ApplicationModel.findById(id).lean();
  t.is(stored!.history.filter((h) => h.status === 'completed').length, 1);
});

test('submit racing an upload › the submit never passes with a material list it did not check', async (t) => {
  const id = await openWithMaterials(app, scene.citizen.token, scene.item.code);
  const [uploaded, submitted] = await Promise.all([
    upload(app, scene.citizen.token, id, '委托书', files.png()),
    app.request('POST', `/api/v1/applications/${id}/submit`, { token: scene.citizen.token }),
  ]);
  t.true([200, 409].includes(uploaded.status));
  t.true([200, 409].includes(submitted.status));
  const stored = await ApplicationModel.findById(id).lean();
  if (submitted.status === 200) t.is(stored!.status, 'submitted');
  if (uploaded.status === 200) t.true(stored!.materials.some((m) => m.materialName === '委托书'));
});

test('citizen access › another citizen’s application answers 404 NOT_FOUND everywhere, never 403', async (t) => {
  const id = await openWithMaterials(app, scene.citizen.token, scene.item.code);
  const token = other.citizen.token;
  const attempts = [
    app.request('GET', `/api/v1/applications/${id}`, { token }),
    app.request('POST', `/api/v1/applications/${id}/submit`, { token }),
    app.request('GET', `/api/v1/applications/${id}/materials/${encodeURIComponent('申请表')}/file`, { token }),
    app.request('POST', `/api/v1/applications/${id}/evaluation`, { token, body: { score: 5 } }),
    app.request('GET', '/api/v1/applications/not-an-id', { token }),
  ];
  for (const res of await Promise.all(attempts)) {
    t.is(res.status, 404);
    t.is(res.body.error.code, 'NOT_FOUND');
  }
  const mine = await app.request('GET', '/api/v1/me/applications', { token });
  t.false(mine.body.items.some((a: { id: string }) => a.id === id));
});

test('staff scope › other departments answer 404; lists show only the department; center admin sees all', async (t) => {
  const id = await applicationIn(app, scene, 'submitted');
  const foreignId = await applicationIn(app, other, 'submitted');
  const outsider = other.clerk.token;
  for (const res of [
    await app.request('GET', `/api/v1/staff/applications/${id}`, { token: outsider }),
    await review(id, outsider, { decision: 'approve' }),
    await app.request('POST', `/api/v1/staff/applications/${id}/accept`, { token: outsider }),
  ]) {
    t.is(res.status, 404);
    t.is(res.body.error.code, 'NOT_FOUND');
  }
  const list = await app.request('GET', '/api/v1/staff/applications?status=submitted&pageSize=100', { token: scene.clerk.token });
  t.is(list.status, 200);
  const ids = list.body.items.map((a: { id: string }) => a.id);
  t.true(ids.includes(id));
  t.false(ids.includes(foreignId));
  t.true(list.body.items.every((a: { department: string; status: string }) => a.department === scene.department && a.status === 'submitted'));

  const center = await buildStaff('center_admin', null);
  const all = await app.request('GET', '/api/v1/staff/applications?status=submitted&pageSize=100', { token: center.token });
  const allIds = all.body.items.map((a: { id: string }) => a.id);
  t.true(allIds.includes(id) && allIds.includes(foreignId));
  t.is((await review(foreignId, center.token, { decision: 'approve' })).status, 200);
});

test('staff scope › drafts stay private; citizens cannot use staff routes; ?status=draft is refused', async (t) => {
  const id = await openWithMaterials(app, scene.citizen.token, scene.item.code);
  const list = await app.request('GET', '/api/v1/staff/applications?pageSize=100', { token: scene.clerk.token });
  t.false(list.body.items.some((a: { id: string }) => a.id === id));
  t.is((await app.request('GET', '/api/v1/staff/applications?status=draft', { token: scene.clerk.token })).status, 400);
  t.is((await app.request('GET', '/api/v1/staff/applications', { token: scene.citizen.token })).status, 403);
  t.is((await review(id, scene.citizen.token, { decision: 'approve' })).status, 403);
});

test('staff view › shows the applicant masked', async (t) => {
  const id = await applicationIn(app, scene, 'submitted');
  const { CitizenModel } = await import('../../models/citizen.ts');
  const { encryptPii } = await import('../../services/pii/crypto.ts');
  await CitizenModel.updateOne({ _id: scene.citizen.id }, { $set: { nameEnc: encryptPii('张小三') } });
  const fresh = await openWithMaterials(app, scene.citizen.token, scene.item.code);
  await app.request('POST', `/api/v1/applications/${fresh}/submit`, { token: scene.citizen.token });
  const seen = await app.request('GET', `/api/v1/staff/applications/${fresh}`, { token: scene.clerk.token });
  t.is(seen.body.applicantName, '张*三');
  t.truthy(id);
});

test('concurrent uploads of different materials › all kept, none lost', async (t) => {
  const opened = await app.request('POST', '/api/v1/applications', { token: scene.citizen.token, body: { itemCode: scene.item.code } });
  const id = opened.body.id;
  const answers = await Promise.all(['居民身份证', '申请表', '委托书'].map((name) => upload(app, scene.citizen.token, id, name, files.pdf())));
  t.deepEqual(
    answers.map((a) => a.status),
    [200, 200, 200],
  );
  const stored = await ApplicationModel.findById(id).lean();
  t.deepEqual(stored!.materials.map((m) => m.materialName).sort(), ['委托书', '居民身份证', '申请表'].sort());
});

test('concurrent uploads replacing the same material › both answered, one file kept, no orphan in GridFS', async (t) => {
  const own = await buildScene(); // its own citizen, so these uploads count against no other test's rate limit
  const id = await openWithMaterials(app, own.citizen.token, own.item.code);
  const answers = await Promise.all([files.pdf(), files.png(), files.jpg()].map((content) => upload(app, own.citizen.token, id, '申请表', content)));
  t.deepEqual(
    answers.map((a) => a.status),
    [200, 200, 200],
  );
  const stored = await ApplicationModel.findById(id).lean();
  const kept = stored!.materials.filter((m) => m.materialName === '申请表');
  t.is(kept.length, 1);
  const gridFiles = await mongoose.connection
    .db!.collection('materials.files')
    .find({ 'metadata.applicationId': id, 'metadata.materialName': '申请表' })
    .toArray();
  t.deepEqual(
    gridFiles.map((f) => String(f._id)),
    [String(kept[0]!.fileId)],
  );
});
