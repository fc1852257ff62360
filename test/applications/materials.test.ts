import { createHash } from 'node:crypto';
import test from 'ava';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { config } from '../../server/config.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import { ApplicationModel } from '../../models/application.ts';
import { buildStaff } from '../helpers/factories.ts';
import { buildScene, files, upload } from './fixtures.ts';

const LIMIT = 64 * 1024;
let app: TestApp;
let scene: Awaited<ReturnType<typeof buildScene>>;

test.before(async () => {
  Object.assign(config, { UPLOAD_MAX_BYTES: LIMIT });
  app = await startTestApp();
  scene = await buildScene();
});
test.after.always(() => app.close());

// Tests counting every stored file run serially (ava runs serial tests before the others).
const gridFiles = () => mongoose.connection.db!.collection('materials.files');
const gridChunks = () => mongoose.connection.db!.collection('materials.chunks');

async function draft() {
  const res = await app.request('POST', '/api/v1/applications', { token: scene.citizen.token, body: { itemCode: scene.item.code } });
  return res.body.id as string;
}

test('POST /applications/:id/materials › pdf, jpg and png by content › stored in GridFS with a sha256 checksum', async (t) => {
  const id = await draft();
  for (const [name, content, filename, type] of [
    ['居民身份证', files.jpg(), 'front.jpg', 'image/jpeg'],
    ['申请表', files.pdf(), 'form.pdf', 'application/pdf'],
    ['委托书', files.png(), 'proxy', 'image/png'],
  ] as const) {
    const res = await upload(app, scene.citizen.token, id, name, content, filename);
    t.is(res.status, 200, res.text);
    const material = res.body.materials.find((m: { materialName: string }) => m.materialName === name);
    t.is(material.contentType, type);
    t.is(material.size, content.length);
    t.is(material.sha256, createHash('sha256').update(content).digest('hex'));
    const stored = await gridFiles().findOne({ 'metadata.applicationId': id, 'metadata.materialName': name });
    t.is(stored?.length, content.length);
    t.is(stored?.metadata?.sha256, material.sha256);
  }
});

test.serial('POST /applications/:id/materials › an .exe renamed .pdf › answers 415 FILE_TYPE_NOT_ALLOWED and stores nothing', async (t) => {
  const id = await draft();
  const before = await gridFiles().countDocuments();
  const res = await upload(app, scene.citizen.token, id, '申请表', files.exe(), 'form.pdf');
  t.is(res.status, 415);
  t.is(res.body.error.code, 'FILE_TYPE_NOT_ALLOWED');
  t.is(await gridFiles().countDocuments(), before);
  t.deepEqual((await ApplicationModel.findById(id).lean())?.materials, []);
});

test('POST /applications/:id/materials › plain text named .png › answers 415 FILE_TYPE_NOT_ALLOWED', async (t) => {
  const res = await upload(app, scene.citizen.token, await draft(), '申请表', Buffer.from('just some text, not an image'), 'photo.png');
  t.is(res.status, 415);
  t.is(res.body.error.code, 'FILE_TYPE_NOT_ALLOWED');
});

test.serial('POST /applications/:id/materials › over UPLOAD_MAX_BYTES › answers 413 PAYLOAD_TOO_LARGE and stores nothing', async (t) => {
  const id = await draft();
  const [filesBefore, chunksBefore] = [await gridFiles().countDocuments(), await gridChunks().countDocuments()];
  for (const size of [LIMIT + 10, LIMIT * 40]) {
    const res = await upload(app, scene.citizen.token, id, '申请表', files.pdf(size));
    t.is(res.status, 413);
    t.is(res.body.error.code, 'PAYLOAD_TOO_LARGE');
  }
  t.is(await gridFiles().countDocuments(), filesBefore);
  t.is(await gridChunks().countDocuments(), chunksBefore);
  t.deepEqual((await ApplicationModel.findById(id).lean())?.materials, []);
  // Just under the limit is fine.
  t.is((await upload(app, scene.citizen.token, id, '申请表', files.pdf(LIMIT - 200))).status, 200);
});

test('POST /applications/:id/materials › replacing a material › replaces its file and removes the old one', async (t) => {
  const id = await draft();
  const first = await upload(app, scene.citizen.token, id, '申请表', files.pdf(1000));
  const oldFile = await gridFiles().findOne({ 'metadata.applicationId': id });
  const second = await upload(app, scene.citizen.token, id, '申请表', files.png(), 'retake.png');
  t.is(second.status, 200);
  t.is(second.body.materials.length, 1);
  t.not(second.body.materials[0].sha256, first.body.materials[0].sha256);
  t.is(second.body.materials[0].contentType, 'image/png');
  t.is(await gridFiles().countDocuments({ _id: oldFile!._id }), 0);
  t.is(await gridChunks().countDocuments({ files_id: oldFile!._id }), 0);
  t.is(await gridFiles().countDocuments({ 'metadata.applicationId': id }), 1);
});

test('POST /applications/:id/materials › refusals › unknown material 400, no file 400, wrong state 409, not owner 404', async (t) => {
  const id = await draft();
  const unknown = await upload(app, scene.citizen.token, id, '户口簿', files.pdf());
  t.is(unknown.status, 400);
  t.is(unknown.body.error.code, 'UNKNOWN_MATERIAL');

  const form = new FormData();
  form.append('materialName', '申请表');
  const noFile = await app.request('POST', `/api/v1/applications/${id}/materials`, { token: scene.citizen.token, rawBody: form });
  t.is(noFile.status, 400);
  t.truthy(noFile.body.error.details.fields['body.file']);

  const two = new FormData();
  two.append('materialName', '申请表');
  two.append('file', new Blob([new Uint8Array(files.pdf())]), 'a.pdf');
  two.append('file', new Blob([new Uint8Array(files.pdf())]), 'b.pdf');
  const twoFiles = await app.request('POST', `/api/v1/applications/${id}/materials`, { token: scene.citizen.token, rawBody: two });
  t.is(twoFiles.status, 400);
  t.is(twoFiles.body.error.code, 'UPLOAD_INVALID');

  const json = await app.request('POST', `/api/v1/applications/${id}/materials`, { token: scene.citizen.token, body: { materialName: '申请表' } });
  t.is(json.status, 400);

  const other = await buildScene();
  const foreign = await upload(app, other.citizen.token, id, '申请表', files.pdf());
  t.is(foreign.status, 404);
  t.is(foreign.body.error.code, 'NOT_FOUND');

  for (const name of ['居民身份证', '申请表']) await upload(app, scene.citizen.token, id, name, files.pdf());
  await app.request('POST', `/api/v1/applications/${id}/submit`, { token: scene.citizen.token });
  const late = await upload(app, scene.citizen.token, id, '申请表', files.pdf());
  t.is(late.status, 409);
  t.is(late.body.error.code, 'INVALID_STATE');
});

test('GET …/materials/:materialName/file › owner and department staff get the exact bytes, each download audited', async (t) => {
  const id = await draft();
  const content = files.pdf(5000);
  await upload(app, scene.citizen.token, id, '申请表', content, '申请表.pdf');
  const own = await fetch(`${app.baseUrl}/api/v1/applications/${id}/materials/${encodeURIComponent('申请表')}/file`, {
    headers: { Authorization: `Bearer ${scene.citizen.token}` },
  });
  t.is(own.status, 200);
  t.is(own.headers.get('content-type'), 'application/pdf');
  t.regex(own.headers.get('content-disposition') ?? '', /attachment/);
  t.true(Buffer.from(await own.arrayBuffer()).equals(content));

  // Staff see it once submitted.
  for (const name of ['居民身份证']) await upload(app, scene.citizen.token, id, name, files.pdf());
  await app.request('POST', `/api/v1/applications/${id}/submit`, { token: scene.citizen.token });
  const staff = await fetch(`${app.baseUrl}/api/v1/staff/applications/${id}/materials/${encodeURIComponent('申请表')}/file`, {
    headers: { Authorization: `Bearer ${scene.clerk.token}` },
  });
  t.is(staff.status, 200);
  t.true(Buffer.from(await staff.arrayBuffer()).equals(content));

  const audits = await AuditLogModel.find({ action: 'download', entityId: id }).lean();
  t.deepEqual(audits.map((a) => a.actor?.kind).sort(), ['citizen', 'staff']);

  const elsewhere = await buildStaff('window', 'OTHER-DEPT');
  const refused = await app.request('GET', `/api/v1/staff/applications/${id}/materials/${encodeURIComponent('申请表')}/file`, { token: elsewhere.token });
  t.is(refused.status, 404);
  const stranger = await buildScene();
  const notOwner = await app.request('GET', `/api/v1/applications/${id}/materials/${encodeURIComponent('申请表')}/file`, { token: stranger.citizen.token });
  t.is(notOwner.status, 404);
  const missing = await app.request('GET', `/api/v1/applications/${id}/materials/${encodeURIComponent('委托书')}/file`, { token: scene.citizen.token });
  t.is(missing.status, 404);
  t.is(await AuditLogModel.countDocuments({ action: 'download', entityId: id }), 2);
});
