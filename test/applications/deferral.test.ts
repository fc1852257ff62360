import test from 'ava';
import { deferredMaterialsJob } from '../../jobs/deferred-materials.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import { NotificationModel } from '../../models/notification.ts';
import { StaffNoticeModel } from '../../models/staff-notice.ts';
import { businessDate } from '../../services/applications/business-date.ts';
import { addWorkingDays } from '../../services/applications/working-days.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildScene, files, upload } from './fixtures.ts';

let app: TestApp;
let scene: Awaited<ReturnType<typeof buildScene>>;
const HUKOU = '户口簿';

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  scene = await buildScene({
    materials: [
      { name: '居民身份证', form: '原件', copies: 1, required: true },
      { name: '申请表', form: '原件', copies: 1, required: true },
      { name: HUKOU, form: '复印件', copies: 1, required: true, deferrable: true },
    ],
  });
});
test.after.always(() => app.close());

const post = (path: string, token: string, body?: unknown) => app.request('POST', `/api/v1${path}`, { token, body });

/** Submitted and approved without the 可容缺 household register. */
async function approvedWithoutHukou() {
  const opened = await post('/applications', scene.citizen.token, { itemCode: scene.item.code });
  const id: string = opened.body.id;
  for (const name of ['居民身份证', '申请表']) await upload(app, scene.citizen.token, id, name, files.pdf());
  const submitted = await post(`/applications/${id}/submit`, scene.citizen.token);
  if (submitted.status !== 200) throw new Error(submitted.text);
  await post(`/staff/applications/${id}/review`, scene.clerk.token, { decision: 'approve' });
  return id;
}

const deferral = { commitment: '本人承诺3个工作日内补交户口簿复印件', dueInWorkingDays: 3 };

test.serial('容缺受理 › accepted with the commitment, reminded before the due date, flagged after it, completed once the material arrives', async (t) => {
  const id = await approvedWithoutHukou();
  const plain = await post(`/staff/applications/${id}/accept`, scene.clerk.token);
  t.is(plain.status, 409);
  t.is(plain.body.error.code, 'MATERIALS_MISSING');
  t.deepEqual(plain.body.error.details.missing, [HUKOU]);

  const accepted = await post(`/staff/applications/${id}/accept`, scene.clerk.token, { deferral });
  t.is(accepted.status, 200);
  const dueDate = await addWorkingDays(businessDate(fileClock()), 3);
  t.like(accepted.body.deferred[0], { materialName: HUKOU, commitment: deferral.commitment, dueDate, status: 'pending' });
  t.regex(accepted.body.history.at(-1).note, /容缺受理/);
  t.truthy(await AuditLogModel.findOne({ action: 'accept_deferred', entityId: id }).lean());

  const early = await post(`/staff/applications/${id}/complete`, scene.clerk.token, { onsiteVisits: 1 });
  t.is(early.status, 409);
  t.is(early.body.error.code, 'DEFERRED_MATERIALS_PENDING');

  // The job: nothing yet today (due in three working days) … a reminder on the due date, once …
  const job = deferredMaterialsJob(app.caches.catalogue);
  const onDueDate = new Date(`${dueDate}T09:00:00+08:00`);
  await job.run(fileClock());
  t.like(await job.run(onDueDate), { reminded: 1, flagged: 0 });
  t.like(await job.run(onDueDate), { reminded: 0 });
  const reminders = await NotificationModel.find({ entityId: id, kind: 'deferred_reminder' }).lean();
  t.is(reminders.length, 1);
  // … and a staff flag once it is overdue, once.
  const late = new Date(onDueDate.getTime() + 7 * 86_400_000);
  t.like(await job.run(late), { flagged: 1 });
  t.like(await job.run(late), { flagged: 0 });
  const flags = await StaffNoticeModel.find({ entityId: id, kind: 'deferred_overdue' }).lean();
  t.is(flags.length, 1);
  t.is(flags[0]!.department, scene.department);

  // The citizen uploads it to the accepted case; then the case completes.
  const other = await upload(app, scene.citizen.token, id, '申请表', files.pdf());
  t.is(other.status, 409, 'only the awaited material may be uploaded to an accepted case');
  const supplied = await upload(app, scene.citizen.token, id, HUKOU, files.pdf());
  t.is(supplied.status, 200);
  t.is(supplied.body.deferred[0].status, 'received');
  t.true(supplied.body.materials.some((m: { materialName: string }) => m.materialName === HUKOU));
  t.regex(supplied.body.history.at(-1).note, /补交容缺材料/);
  const done = await post(`/staff/applications/${id}/complete`, scene.clerk.token, { onsiteVisits: 1 });
  t.is(done.status, 200);
  t.is(done.body.status, 'completed');
  // A received material is no longer reminded or flagged.
  t.like(await job.run(late), { reminded: 0, flagged: 0 });
});

test.serial('容缺受理 › staff record why the material is no longer needed; audited, in history, once', async (t) => {
  const id = await approvedWithoutHukou();
  t.is((await post(`/staff/applications/${id}/accept`, scene.clerk.token, { deferral })).status, 200);
  const path = `/staff/applications/${id}/deferred/${encodeURIComponent(HUKOU)}/waive`;
  const reason = '已通过数据共享核验户籍信息';
  const waived = await post(path, scene.clerk.token, { reason });
  t.is(waived.status, 200);
  t.like(waived.body.deferred[0], { status: 'waived', note: reason });
  t.regex(waived.body.history.at(-1).note, /无需补交/);
  t.truthy(await AuditLogModel.findOne({ action: 'waive_deferred', entityId: id }).lean());
  const again = await post(path, scene.clerk.token, { reason });
  t.is(again.status, 409);
  t.is(again.body.error.code, 'DEFERRED_CLOSED');
  t.is((await post(`/staff/applications/${id}/complete`, scene.clerk.token, { onsiteVisits: 0 })).status, 200);
});

test.serial('容缺受理 › a commitment with nothing missing is refused; the other department cannot waive', async (t) => {
  const id = await approvedWithoutHukou();
  await upload(app, scene.citizen.token, id, HUKOU, files.pdf()).then((r) => t.is(r.status, 409, 'approved is not editable'));
  const other = await buildScene();
  const path = `/staff/applications/${id}/deferred/${encodeURIComponent(HUKOU)}/waive`;
  t.is((await post(path, other.clerk.token, { reason: '无需' })).status, 404);
  t.is((await post(`/staff/applications/${id}/accept`, scene.clerk.token, { deferral: { ...deferral, dueInWorkingDays: 0 } })).status, 400);
});
