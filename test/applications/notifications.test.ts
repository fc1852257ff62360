import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat.ts';
import { config } from '../../server/config.ts';
import { NotificationModel } from '../../models/notification.ts';
import { notificationSenderJob } from '../../jobs/notification-sender.ts';
import { MAX_ATTEMPTS, backoffMs, sendDueNotifications } from '../../services/notifications/sender.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { applicationIn, buildScene } from './fixtures.ts';

const TEMPLATE = 'tmpl-case-status-0001';
let app: TestApp;
let fake: FakeWechat;
let scene: Awaited<ReturnType<typeof buildScene>>;

test.before(async () => {
  const wechat = { appId: 'wxcases0000000001', secret: 'cases-test-secret' };
  fake = await startFakeWechat(wechat);
  Object.assign(config, {
    WECHAT_API_BASE: fake.baseUrl,
    WECHAT_APPID: wechat.appId,
    WECHAT_SECRET: wechat.secret,
    WECHAT_TEMPLATE_CASE_STATUS: TEMPLATE,
  });
  app = await startTestApp();
  scene = await buildScene({ name: '不动产登记资料查询' });
});
test.after.always(async () => {
  await app.close();
  await fake.close();
});
// Tests in this file share the outbox and the fake; run them one by one.
const serial = test.serial;

const MINUTE = 60_000;
const later = (ms: number) => new Date(Date.now() + ms);
const sentFor = (openid: string) => fake.sentMessages.filter((m) => m.touser === openid);

serial('notifications › supplement, approval, acceptance and completion reach the citizen through subscribeMessage.send', async (t) => {
  const id = await applicationIn(app, scene, 'submitted');
  await app.request('POST', `/api/v1/staff/applications/${id}/review`, {
    token: scene.clerk.token,
    body: { decision: 'supplement', missing: [{ materialName: '申请表', note: '缺签字' }, '居民身份证'] },
  });
  const counts = await notificationSenderJob.run(later(1000));
  t.is(counts.sent, 1);
  const [message] = sentFor(scene.citizen.openid);
  t.is(message!.template_id, TEMPLATE);
  t.is(message!.page, `pages/applications/detail?id=${id}`);
  t.is(message!.data.thing1!.value, '不动产登记资料查询');
  t.is(message!.data.phrase2!.value, '需补正');
  t.true([...message!.data.thing3!.value].length <= 20);
  t.regex(message!.data.thing3!.value, /^请补正2项材料/);

  const stored = await NotificationModel.findOne({ entityId: id }).lean();
  t.is(stored!.status, 'sent');
  t.is(stored!.attempts, 1);
  // A second run sends nothing again.
  t.is((await sendDueNotifications(later(2000))).sent, 0);
});

serial('notifications › every status the citizen needs is sent once, in order', async (t) => {
  const before = sentFor(scene.citizen.openid).length;
  const id = await applicationIn(app, scene, 'completed');
  await sendDueNotifications(later(1000));
  const phrases = sentFor(scene.citizen.openid)
    .slice(before)
    .map((m) => m.data.phrase2!.value);
  t.deepEqual(phrases, ['预审通过', '已受理', '已办结']);
  const accepted = sentFor(scene.citizen.openid).slice(before)[1]!;
  const stored = await app.request('GET', `/api/v1/applications/${id}`, { token: scene.citizen.token });
  t.is(accepted.data.thing3!.value, `承诺办结日期${stored.body.deadline}`);
});

serial('notifications › WeChat busy › the state change stands, the job retries with backoff, then sends', async (t) => {
  const id = await applicationIn(app, scene, 'submitted');
  fake.failNext('/cgi-bin/message/subscribe/send', -1);
  const rejected = await app.request('POST', `/api/v1/staff/applications/${id}/review`, {
    token: scene.clerk.token,
    body: { decision: 'reject', note: '不属于本事项受理范围' },
  });
  t.is(rejected.status, 200);
  t.is(rejected.body.status, 'rejected');

  const first = later(1000);
  t.deepEqual(await sendDueNotifications(first), { sent: 0, retrying: 1, failed: 0, skipped: 0 });
  const waiting = await NotificationModel.findOne({ entityId: id }).lean();
  t.is(waiting!.status, 'pending');
  t.is(waiting!.nextAttemptAt.getTime(), first.getTime() + backoffMs(1));
  t.truthy(waiting!.lastError);
  // Not due yet: nothing happens.
  t.deepEqual(await sendDueNotifications(new Date(first.getTime() + backoffMs(1) - 1000)), { sent: 0, retrying: 0, failed: 0, skipped: 0 });
  t.deepEqual(await sendDueNotifications(new Date(first.getTime() + backoffMs(1))), { sent: 1, retrying: 0, failed: 0, skipped: 0 });
  const sent = await NotificationModel.findOne({ entityId: id }).lean();
  t.is(sent!.status, 'sent');
  t.is(sent!.attempts, 2);
  t.is(sentFor(scene.citizen.openid).at(-1)!.data.phrase2!.value, '未通过');
});

serial('notifications › citizen refused the template (43101) › given up at once, never blocks anything', async (t) => {
  const id = await applicationIn(app, scene, 'submitted');
  fake.failNext('/cgi-bin/message/subscribe/send', 43101);
  await app.request('POST', `/api/v1/staff/applications/${id}/review`, { token: scene.clerk.token, body: { decision: 'approve' } });
  t.deepEqual(await sendDueNotifications(later(1000)), { sent: 0, retrying: 0, failed: 1, skipped: 0 });
  const stored = await NotificationModel.findOne({ entityId: id }).lean();
  t.is(stored!.status, 'failed');
  t.regex(stored!.lastError!, /43101/);
  // The case goes on.
  t.is((await app.request('POST', `/api/v1/staff/applications/${id}/accept`, { token: scene.clerk.token })).status, 200);
});

serial('notifications › WeChat unreachable every time › gives up after MAX_ATTEMPTS', async (t) => {
  const id = await applicationIn(app, scene, 'approved');
  const stored = await NotificationModel.findOne({ entityId: id, kind: 'approved' }).lean();
  const failing = async () => {
    throw new Error('connect ECONNREFUSED');
  };
  let now = later(1000);
  const outcomes: string[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const counts = await sendDueNotifications(now, failing);
    outcomes.push(counts.failed ? 'failed' : counts.retrying ? 'retrying' : 'none');
    now = new Date(now.getTime() + 61 * MINUTE);
  }
  t.deepEqual(outcomes, [...Array(MAX_ATTEMPTS - 1).fill('retrying'), 'failed']);
  const final = await NotificationModel.findById(stored!._id).lean();
  t.is(final!.status, 'failed');
  t.is(final!.attempts, MAX_ATTEMPTS);
});

serial('notifications › two senders at once › each message goes out once', async (t) => {
  const before = fake.sentMessages.length;
  const ids = await Promise.all([applicationIn(app, scene, 'approved'), applicationIn(app, scene, 'approved')]);
  const now = later(1000);
  const [a, b] = await Promise.all([sendDueNotifications(now), sendDueNotifications(now)]);
  t.is(a.sent + b.sent, 2);
  t.is(fake.sentMessages.length - before, 2);
  t.is(await NotificationModel.countDocuments({ entityId: { $in: ids }, status: 'sent' }), 2);
});

serial('notifications › no template configured or no citizen › skipped, not retried', async (t) => {
  Object.assign(config, { WECHAT_TEMPLATE_CASE_STATUS: '' });
  try {
    const id = await applicationIn(app, scene, 'approved');
    t.deepEqual(await sendDueNotifications(later(1000)), { sent: 0, retrying: 0, failed: 0, skipped: 1 });
    t.is((await NotificationModel.findOne({ entityId: id }).lean())!.status, 'skipped');
  } finally {
    Object.assign(config, { WECHAT_TEMPLATE_CASE_STATUS: TEMPLATE });
  }
  const gone = await buildScene();
  const id = await applicationIn(app, gone, 'approved');
  await CitizenModel.deleteOne({ _id: gone.citizen.id });
  t.deepEqual(await sendDueNotifications(later(1000)), { sent: 0, retrying: 0, failed: 0, skipped: 1 });
  t.is((await NotificationModel.findOne({ entityId: id }).lean())!.status, 'skipped');
});

serial('notifications › a sender stuck past its lease › another sends the row, the late one changes nothing', async (t) => {
  const id = await applicationIn(app, scene, 'approved');
  const start = later(1000);
  let entered = () => {};
  let release = () => {};
  const sending = new Promise<void>((resolve) => (entered = resolve));
  const stuck = sendDueNotifications(start, () => {
    entered();
    return new Promise<void>((resolve) => (release = resolve));
  });
  await sending;
  t.is((await NotificationModel.findOne({ entityId: id }).lean())!.status, 'sending');
  // Within the lease nobody else takes it; after it, the row is taken again.
  t.is((await sendDueNotifications(new Date(start.getTime() + MINUTE))).sent, 0);
  t.is((await sendDueNotifications(new Date(start.getTime() + 10 * MINUTE))).sent, 1);
  release();
  await stuck;
  const row = await NotificationModel.findOne({ entityId: id }).lean();
  t.like(row, { status: 'sent', attempts: 2, lastError: null });
  t.is(sentFor(scene.citizen.openid).at(-1)!.data.phrase2!.value, '预审通过');
});

serial('notifications › a finished row expires after RETENTION_DAYS through a TTL index; a pending one does not', async (t) => {
  const id = await applicationIn(app, scene, 'approved');
  t.is((await NotificationModel.findOne({ entityId: id }).lean())!.expiresAt, null);
  const now = later(1000);
  await sendDueNotifications(now);
  const row = await NotificationModel.findOne({ entityId: id }).lean();
  t.is(row!.status, 'sent');
  t.is(row!.expiresAt!.getTime(), now.getTime() + config.RETENTION_DAYS * 24 * 3600_000);
  const indexes = await NotificationModel.collection.indexes();
  t.true(indexes.some((index) => index.key.expiresAt === 1 && index.expireAfterSeconds === 0));
});
