import test from 'ava';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { publishProgressJob } from '../../jobs/publish-progress.ts';
import { CitizenMaterialModel } from '../../models/citizen-material.ts';
import { config } from '../../server/config.ts';
import { businessDate } from '../../services/applications/business-date.ts';
import { addMonths } from '../../services/library/types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildCitizen, buildItem, buildStaff, buildWindow, buildDepartment } from '../helpers/factories.ts';
import { buildScene, files, upload } from '../applications/fixtures.ts';

let app: TestApp;
let scene: Awaited<ReturnType<typeof buildScene>>;
let other: { item: { code: string }; clerk: { token: string } };
let center: { token: string };

test.before(async () => {
  Object.assign(config, { PUBLISH_DIR: await mkdtemp(path.join(os.tmpdir(), 'onetrip-library-')) });
  app = await startTestApp({ clock: fileClock });
  scene = await buildScene();
  // A second item, of another department, that names the ID card differently.
  const department = (await buildDepartment()).code;
  const window = (await buildWindow(department)).code;
  const item = await buildItem({
    department,
    windows: [window],
    materials: [
      { name: '申请人居民身份证', form: '复印件', copies: 2, required: true },
      { name: '申请表', form: '原件', copies: 1, required: true },
    ],
  });
  other = { item, clerk: await buildStaff('window', department, [window]) };
  center = await buildStaff('center_admin', null);
});
test.after.always(() => app.close());

const post = (path: string, token: string, body?: unknown) => app.request('POST', `/api/v1${path}`, { token, body });
const get = (path: string, token: string) => app.request('GET', `/api/v1${path}`, { token });
const fileCount = () => mongoose.connection.collection('materials.files').countDocuments({ 'metadata.deleting': { $ne: true } });

test.serial('material library › approved files are kept; a second application needs no new upload; deleting never breaks a case', async (t) => {
  const { citizen, clerk, item } = scene;
  const typed = await app.request('PUT', '/api/v1/admin/material-types/ID_CARD', {
    token: center.token,
    body: { name: '居民身份证', materialNames: ['居民身份证', '申请人居民身份证'], validMonths: 120, expiryEntered: true },
  });
  t.is(typed.status, 200);
  t.is((await get('/admin/material-types', center.token)).body.items.filter((x: { code: string }) => x.code === 'ID_CARD').length, 1);

  // First application: uploads, approved with the ID card's expiry entered by the reviewer.
  const first: string = (await post('/applications', citizen.token, { itemCode: item.code })).body.id;
  for (const name of ['居民身份证', '申请表']) t.is((await upload(app, citizen.token, first, name, files.pdf())).status, 200);
  await post(`/applications/${first}/submit`, citizen.token);
  const expiry = addMonths(businessDate(fileClock()), 60);
  const approved = await post(`/staff/applications/${first}/review`, clerk.token, {
    decision: 'approve',
    expiries: [{ materialName: '居民身份证', validUntil: expiry }],
  });
  t.is(approved.status, 200);
  const library = await get('/me/materials', citizen.token);
  t.is(library.body.total, 2);
  const idCard = library.body.items.find((e: { typeCode: string }) => e.typeCode === 'ID_CARD');
  const form = library.body.items.find((e: { materialName: string }) => e.materialName === '申请表');
  t.like(idCard, { typeName: '居民身份证', validUntil: expiry, valid: true, approvedBy: clerk.id });
  t.is(form.validUntil, addMonths(businessDate(fileClock()), 6), 'an unmapped material is valid for six months');
  const stored = await fileCount();

  // Second application, another item of another department: both offered, both reused, no upload.
  const second: string = (await post('/applications', citizen.token, { itemCode: other.item.code })).body.id;
  const offered = await get(`/applications/${second}/reusable-materials`, citizen.token);
  t.is(offered.status, 200);
  const offer = (name: string) => offered.body.items.find((o: { materialName: string }) => o.materialName === name).matches.map((m: { id: string }) => m.id);
  t.deepEqual(offer('申请人居民身份证'), [idCard.id]);
  t.deepEqual(offer('申请表'), [form.id]);
  t.is((await post(`/applications/${second}/materials/reuse`, citizen.token, { materialName: '申请人居民身份证', libraryId: idCard.id })).status, 200);
  const reused = await post(`/applications/${second}/materials/reuse`, citizen.token, { materialName: '申请表', libraryId: form.id });
  t.is(reused.status, 200);
  t.true(reused.body.materials.every((m: { reused: boolean }) => m.reused));
  t.is((await post(`/applications/${second}/submit`, citizen.token)).body.status, 'submitted');
  t.is(await fileCount(), stored, 'the same GridFS files, no copy');

  // The reviewer sees them marked as reused; the case goes through.
  const seen = await get(`/staff/applications/${second}`, other.clerk.token);
  t.true(seen.body.materials.every((m: { reused: boolean }) => m.reused));
  t.is((await post(`/staff/applications/${second}/review`, other.clerk.token, { decision: 'approve' })).status, 200);
  t.is((await get('/me/materials', citizen.token)).body.total, 2, 'a reused file is not kept twice');
  t.is((await post(`/staff/applications/${second}/accept`, other.clerk.token)).status, 200);
  t.is((await post(`/staff/applications/${second}/complete`, other.clerk.token, { onsiteVisits: 0 })).status, 200);

  // Someone else cannot delete it; the owner can, and both cases keep their file.
  const stranger = await buildCitizen({ verified: true });
  t.is((await app.request('DELETE', `/api/v1/me/materials/${idCard.id}`, { token: stranger.token })).status, 404);
  t.is((await app.request('DELETE', `/api/v1/me/materials/${idCard.id}`, { token: citizen.token })).status, 204);
  t.is((await get('/me/materials', citizen.token)).body.total, 1);
  for (const [id, name] of [
    [first, '居民身份证'],
    [second, '申请人居民身份证'],
  ] as const) {
    const file = await get(`/applications/${id}/materials/${encodeURIComponent(name)}/file`, citizen.token);
    t.is(file.status, 200, `${name} of ${id} still downloads`);
  }
  t.is(await fileCount(), stored);

  // Published with the other figures, per month: a zero-trip case and two materials reused.
  await publishProgressJob(app.caches).run(fileClock());
  await app.caches.progress.refresh();
  const stats = await app.request('GET', '/api/v1/public/stats');
  t.is(stats.status, 200);
  const month = stats.body.monthly.find((m: { month: string }) => m.month === businessDate(fileClock()).slice(0, 7));
  t.like(month, { zeroTripCases: 1, materialsReused: 2, deferredAcceptances: 0 });
});

test.serial('material library › replacing a reused file keeps the library copy; expired entries are neither offered nor reusable', async (t) => {
  const { citizen, item } = scene;
  const entry = await CitizenMaterialModel.findOne({ materialName: '申请表' }).lean();
  const draft: string = (await post('/applications', citizen.token, { itemCode: item.code })).body.id;
  t.is((await post(`/applications/${draft}/materials/reuse`, citizen.token, { materialName: '申请表', libraryId: String(entry!._id) })).status, 200);
  t.is((await upload(app, citizen.token, draft, '申请表', files.png(), 'form.png')).status, 200);
  const kept = await mongoose.connection.collection('materials.files').findOne({ _id: entry!.fileId });
  t.truthy(kept, 'the library still holds the file the draft let go of');
  t.is(kept!.metadata.refs, 3, 'held by the two cases and the library');

  const wrong = await post(`/applications/${draft}/materials/reuse`, citizen.token, { materialName: '居民身份证', libraryId: String(entry!._id) });
  t.is(wrong.status, 409);
  t.is(wrong.body.error.code, 'MATERIAL_TYPE_MISMATCH');

  await CitizenMaterialModel.updateOne({ _id: entry!._id }, { $set: { validUntil: '2000-01-01' } });
  const offered = await get(`/applications/${draft}/reusable-materials`, citizen.token);
  t.deepEqual(offered.body.items.find((o: { materialName: string }) => o.materialName === '申请表').matches, []);
  const expired = await post(`/applications/${draft}/materials/reuse`, citizen.token, { materialName: '申请表', libraryId: String(entry!._id) });
  t.is(expired.status, 409);
  t.is(expired.body.error.code, 'MATERIAL_EXPIRED');
});

test.serial('material types › a material name maps to one type only; department admins may not set types', async (t) => {
  const taken = await app.request('PUT', '/api/v1/admin/material-types/ID_COPY', {
    token: center.token,
    body: { name: '身份证复印件', materialNames: ['居民身份证'] },
  });
  t.is(taken.status, 409);
  t.is(taken.body.error.code, 'MATERIAL_NAME_TAKEN');
  const admin = await app.request('PUT', '/api/v1/admin/material-types/ID_COPY', {
    token: scene.admin.token,
    body: { name: '身份证复印件', materialNames: [] },
  });
  t.is(admin.status, 403);
});
