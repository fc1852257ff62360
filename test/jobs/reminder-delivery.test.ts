// The reminder the day before an appointment goes out through subscribeMessage.send with the
// reminder template, not the case-status one.
import test from 'ava';
import { appointmentRemindersJob } from '../../jobs/appointment-reminders.ts';
import { notificationSenderJob } from '../../jobs/notification-sender.ts';
import { config } from '../../server/config.ts';
import { buildAppointment } from '../hall/fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat.ts';
import { buildCitizen, buildDepartment, buildItem } from '../helpers/factories.ts';

let app: TestApp;
let fake: FakeWechat;
test.before(async () => {
  const wechat = { appId: 'wxreminder0000001', secret: 'reminder-test-secret' };
  fake = await startFakeWechat(wechat);
  Object.assign(config, {
    WECHAT_API_BASE: fake.baseUrl,
    WECHAT_APPID: wechat.appId,
    WECHAT_SECRET: wechat.secret,
    WECHAT_TEMPLATE_CASE_STATUS: 'tmpl-case-status',
    WECHAT_TEMPLATE_APPOINTMENT_REMINDER: 'tmpl-appointment-reminder',
  });
  app = await startTestApp({ clock: fileClock });
});
test.after.always(async () => {
  await app.close();
  await fake.close();
});

test('appointment reminder › sent to the citizen with the reminder template and the check-in code', async (t) => {
  const department = (await buildDepartment()).code;
  const itemCode = (await buildItem({ department, name: '社会保障卡补办' })).code;
  const citizen = await buildCitizen();
  const appointment = await buildAppointment(itemCode, citizen.id, 24 * 60);
  t.like(await appointmentRemindersJob(app.caches.catalogue).run(fileClock()), { queued: 1 });
  t.like(await notificationSenderJob.run(new Date(fileClock().getTime() + 1000)), { sent: 1 });
  const sent = fake.sentMessages.filter((m) => m.touser === citizen.openid);
  t.is(sent.length, 1);
  t.is(sent[0]!.template_id, 'tmpl-appointment-reminder');
  t.is(sent[0]!.data.thing1?.value, '社会保障卡补办');
  t.is(sent[0]!.data.character_string4?.value, appointment.checkInCode);
});
