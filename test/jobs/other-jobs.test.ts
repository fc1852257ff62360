import test from 'ava';
import { GridFSBucket } from 'mongodb';
import mongoose from 'mongoose';
import { appointmentRemindersJob } from '../../jobs/appointment-reminders.ts';
import { deadlineWarningsJob } from '../../jobs/deadline-warnings.ts';
import { retentionJob } from '../../jobs/retention.ts';
import { MATERIALS_BUCKET } from '../../models/material-file.ts';
import { ApplicationModel } from '../../models/application.ts';
import { StaffNoticeModel } from '../../models/staff-notice.ts';
import { config } from '../../server/config.ts';
import { decryptPii } from '../../services/pii/crypto.ts';
import { addDays, zonedDate } from '../../services/calendar/zoned-time.ts';
import { buildAppointment } from '../hall/fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildCitizen, buildDepartment, buildItem } from '../helpers/factories.ts';
import { insertCases } from '../publishing/fixtures.ts';

let app: TestApp;
let department: string;
let itemCode: string;
test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  department = (await buildDepartment()).code;
  itemCode = (await buildItem({ department, name: '营业执照办理' })).code;
});
test.after.always(() => app.close());

test.serial('appointment reminders › queue one pending outbox row per booking of tomorrow, once', async (t) => {
  const citizen = await buildCitizen();
  const tomorrow = await buildAppointment(itemCode, citizen.id, 24 * 60);
  await buildAppointment(itemCode, citizen.id, 24 * 60, { status: 'cancelled' });
  await buildAppointment(itemCode, citizen.id, 3 * 24 * 60);
  const now = fileClock();
  t.like(await appointmentRemindersJob(app.caches.catalogue).run(now), { queued: 1 });
  t.like(await appointmentRemindersJob(app.caches.catalogue).run(now), { queued: 0 });
  const rows = await mongoose.connection.collection('notifications').find({ kind: 'appointment_reminder' }).toArray();
  t.is(rows.length, 1);
  t.like(rows[0], { entity: 'appointment', entityId: String(tomorrow._id), status: 'pending', attempts: 0 });
  t.is(String(rows[0]!.citizenId), citizen.id);
  t.is(rows[0]!.data.thing1.value, '营业执照办理');
  t.is(rows[0]!.data.character_string4.value, tomorrow.checkInCode);
  t.true(rows[0]!.nextAttemptAt instanceof Date);
});

test.serial('deadline warnings › due within a working day and overdue cases reach the department admins once a day', async (t) => {
  const now = new Date('2026-03-05T01:00:00Z'); // Thursday 09:00 in Shanghai; next working day Friday 03-06
  const [dueSoon, overdue, later] = await insertCases([
    { itemCode, department, name: '甲', status: 'accepted', acceptedDate: '2026-02-27', deadline: '2026-03-06' },
    { itemCode, department, name: '乙', status: 'accepted', acceptedDate: '2026-02-20', deadline: '2026-03-04' },
    { itemCode, department, name: '丙', status: 'accepted', acceptedDate: '2026-03-04', deadline: '2026-03-11' },
  ]);
  t.like(await deadlineWarningsJob(app.caches.catalogue).run(now), { notices: 2 });
  t.like(await deadlineWarningsJob(app.caches.catalogue).run(now), { notices: 0 });
  const notices = await StaffNoticeModel.find({ department, entity: 'application' }).lean();
  t.deepEqual(notices.map((n) => `${n.kind}:${n.entityId}`).sort(), [`deadline_due:${dueSoon}`, `deadline_overdue:${overdue}`].sort());
  t.true(notices.every((n) => n.audience === 'dept_admin'));
  t.false(notices.some((n) => n.entityId === String(later)));
});

test.serial('retention › removes the files and the applicant name of cases completed before RETENTION_DAYS', async (t) => {
  Object.assign(config, { RETENTION_DAYS: 30 });
  const bucket = new GridFSBucket(mongoose.connection.db!, { bucketName: MATERIALS_BUCKET });
  const upload = bucket.openUploadStream('id.pdf');
  await new Promise<void>((resolve, reject) =>
    upload
      .once('finish', () => resolve())
      .once('error', reject)
      .end(Buffer.from('%PDF-1.4 test')),
  );
  const today = zonedDate(new Date(), config.TZ_NAME);
  const [old, recent] = await insertCases([
    { itemCode, department, name: '钱七', status: 'completed', acceptedDate: addDays(today, -50), completedDate: addDays(today, -40) },
    { itemCode, department, name: '孙八', status: 'completed', acceptedDate: addDays(today, -10), completedDate: addDays(today, -5) },
  ]);
  const material = {
    materialName: '身份证',
    fileId: upload.id,
    filename: 'id.pdf',
    contentType: 'application/pdf',
    size: 13,
    sha256: 'x',
    uploadedAt: new Date(),
  };
  await ApplicationModel.updateOne({ _id: old }, { $set: { materials: [material] } });
  t.like(await retentionJob.run(new Date()), { cases: 1, files: 1 });
  const forgotten = await ApplicationModel.findById(old).lean();
  t.is(forgotten?.applicantNameEnc, null);
  t.deepEqual(forgotten?.materials, []);
  t.is(await mongoose.connection.collection(`${MATERIALS_BUCKET}.files`).countDocuments({ _id: upload.id }), 0);
  t.is(await mongoose.connection.collection(`${MATERIALS_BUCKET}.chunks`).countDocuments({ files_id: upload.id }), 0);
  const kept = await ApplicationModel.findById(recent).lean();
  t.is(decryptPii(kept!.applicantNameEnc!), '孙八');
  t.like(await retentionJob.run(new Date()), { cases: 0 });
});
