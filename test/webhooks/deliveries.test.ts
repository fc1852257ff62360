// Signed webhooks end to end: a center admin registers a partner endpoint on 127.0.0.1, a case
// changes status through the API, and the outbox sender delivers it, signed, retrying with
// backoff while the receiver fails, under one event id every time; the admin reads the log.
import test from 'ava';
import { NotificationModel } from '../../models/notification.ts';
import { WebhookModel } from '../../models/webhook.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import { backoffMs, sendDueNotifications } from '../../services/notifications/sender.ts';
import { emitEvent } from '../../services/webhooks/events.ts';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifySignature } from '../../services/webhooks/sign.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildStaff, type StaffFixture } from '../helpers/factories.ts';
import { applicationIn, buildScene } from '../applications/fixtures.ts';
import { randomBytes } from 'node:crypto';
import { config } from '../../server/config.ts';
import { rotatePiiKey } from '../../services/pii/rotate.ts';
import { usesIndex } from '../helpers/explain.ts';
import { startReceiver, type Receiver } from './receiver.ts';

let app: TestApp;
let admin: StaffFixture;
let receiver: Receiver;
test.before(async () => {
  app = await startTestApp();
  admin = await buildStaff('center_admin', null);
  receiver = await startReceiver();
});
test.after.always(async () => {
  await receiver?.close();
  await app?.close();
});

const register = (body: unknown) => app.request('POST', '/api/v1/admin/webhooks', { token: admin.token, body });
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0]! : (value ?? ''));

test.serial('a status change › fails twice at the receiver › the third attempt succeeds, signed, with the same event id', async (t) => {
  const created = await register({ url: receiver.url, events: ['application.status_changed'], description: '市平台' });
  t.is(created.status, 201, created.text);
  const secret: string = created.body.secret;
  t.regex(secret, /^whsec_[A-Za-z0-9_-]{40,}$/);
  const stored = await WebhookModel.findById(created.body.id).lean();
  t.false(stored!.secretEnc.includes(secret), 'the secret is encrypted at rest');
  const listed = await app.request('GET', '/api/v1/admin/webhooks', { token: admin.token });
  t.is(listed.body.items[0].secret, undefined, 'the secret is shown only once');
  t.false(listed.text.includes(secret));
  t.is(await AuditLogModel.countDocuments({ entity: 'webhook', entityId: created.body.id, action: 'create' }), 1);
  t.false(JSON.stringify(await AuditLogModel.find({ entity: 'webhook' }).lean()).includes('secretEnc'));

  const scene = await buildScene();
  const applicationId = await applicationIn(app, scene, 'submitted'); // draft → submitted: one event
  receiver.answers.push(500, 503);
  const t0 = new Date();
  t.like(await sendDueNotifications(t0), { retrying: 1 });
  t.like(await sendDueNotifications(new Date(t0.getTime() + 1000)), { sent: 0, retrying: 0 }, 'not due again before the backoff');
  const t1 = new Date(t0.getTime() + backoffMs(1));
  t.like(await sendDueNotifications(t1), { retrying: 1 });
  const t2 = new Date(t1.getTime() + backoffMs(2));
  t.like(await sendDueNotifications(t2), { sent: 1 });
  t.like(await sendDueNotifications(new Date(t2.getTime() + 3_600_000)), { sent: 0, retrying: 0 }, 'a delivered event is not sent again');

  t.is(receiver.received.length, 3);
  const times = [t0, t1, t2];
  const eventIds = receiver.received.map((r) => header(r.headers[EVENT_ID_HEADER.toLowerCase()]));
  t.regex(eventIds[0]!, /^evt_[0-9a-f-]{36}$/);
  t.deepEqual(new Set(eventIds).size, 1, 'every attempt carries the same event id');
  for (const [index, delivery] of receiver.received.entries()) {
    const signature = header(delivery.headers[SIGNATURE_HEADER.toLowerCase()]);
    t.regex(signature, /^t=\d+,v1=[0-9a-f]{64}$/);
    t.true(verifySignature(secret, signature, delivery.body, times[index]), `attempt ${index + 1} is signed with the secret`);
    t.false(verifySignature(`${secret}x`, signature, delivery.body, times[index]), 'another secret does not verify');
    t.false(verifySignature(secret, signature, `${delivery.body} `, times[index]), 'a changed body does not verify');
    t.false(verifySignature(secret, signature, delivery.body, new Date(times[index]!.getTime() + 600_000)), 'an old timestamp is refused');
  }
  const event = JSON.parse(receiver.received[2]!.body);
  t.like(event, {
    id: eventIds[0],
    type: 'application.status_changed',
    data: { applicationId, status: 'submitted', previousStatus: 'draft', itemCode: scene.item.code },
  });
  t.is(receiver.received[0]!.body, receiver.received[2]!.body, 'the body is the same on every attempt');

  const log = await app.request('GET', `/api/v1/admin/webhooks/${created.body.id}/deliveries`, { token: admin.token });
  t.is(log.status, 200, log.text);
  t.is(log.body.total, 1);
  t.like(log.body.items[0], { eventId: eventIds[0], event: 'application.status_changed', status: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
  t.deepEqual(
    log.body.items[0].log.map((entry: { httpStatus: number }) => entry.httpStatus),
    [500, 503, 200],
  );
  t.deepEqual(
    log.body.items[0].log.map((entry: { at: string }) => entry.at),
    times.map((time) => time.toISOString()),
  );
  await WebhookModel.deleteOne({ _id: created.body.id });
});

test.serial('ratings › reach only the endpoints that chose them; a switched-off or removed endpoint gets nothing', async (t) => {
  const ratings = await register({ url: receiver.url, events: ['evaluation.created'] });
  const off = await register({ url: receiver.url, events: ['evaluation.created', 'application.status_changed'], active: false });
  const removed = await register({ url: receiver.url, events: ['evaluation.created'] });
  t.is(off.body.active, false);
  const scene = await buildScene();
  const id = await applicationIn(app, scene, 'completed');
  const rated = await app.request('POST', `/api/v1/applications/${id}/evaluation`, {
    token: scene.citizen.token,
    body: { score: 2, comment: '等了很久，电话13800138000' },
  });
  t.is(rated.status, 201, rated.text);
  t.is(await NotificationModel.countDocuments({ entity: 'webhook', entityId: ratings.body.id }), 1);
  t.is(await NotificationModel.countDocuments({ entity: 'webhook', entityId: off.body.id }), 0);
  t.is((await app.request('DELETE', `/api/v1/admin/webhooks/${removed.body.id}`, { token: admin.token })).status, 204);

  const before = receiver.received.length;
  t.like(await sendDueNotifications(new Date()), { sent: 1 }); // the citizen's WeChat notices are skipped: no template in tests
  t.like(await NotificationModel.findOne({ entity: 'webhook', entityId: removed.body.id }).lean(), { status: 'skipped', lastError: '端点已删除' });
  const event = JSON.parse(receiver.received.at(-1)!.body);
  t.is(receiver.received.length, before + 1);
  t.like(event, { type: 'evaluation.created', data: { applicationId: id, score: 2, poor: true } });
  t.false(receiver.received.at(-1)!.body.includes('13800138000'), 'the free-text comment is not pushed');
  const log = await app.request('GET', `/api/v1/admin/webhooks/${ratings.body.id}/deliveries`, { token: admin.token });
  t.like(log.body.items[0], { status: 'sent', attempts: 1, event: 'evaluation.created' });
});

test.serial('hotline replies › emitEvent queues them for subscribers, and a rotated secret signs what follows', async (t) => {
  const hotline = await register({ url: receiver.url, events: ['hotline.replied'] });
  const rotated = await app.request('POST', `/api/v1/admin/webhooks/${hotline.body.id}/secret`, { token: admin.token });
  t.is(rotated.status, 200, rotated.text);
  t.not(rotated.body.secret, hotline.body.secret);
  const now = new Date();
  t.is(await emitEvent('hotline.replied', { ticketId: 'HL-1', repliedAt: now.toISOString() }, now), 1);
  t.like(await sendDueNotifications(now), { sent: 1 });
  const delivery = receiver.received.at(-1)!;
  const signature = header(delivery.headers[SIGNATURE_HEADER.toLowerCase()]);
  t.true(verifySignature(rotated.body.secret, signature, delivery.body, now));
  t.false(verifySignature(hotline.body.secret, signature, delivery.body, now), 'the old secret no longer signs');
  await WebhookModel.deleteOne({ _id: hotline.body.id });
});

test.serial('registering › refuses unknown events, other schemes and credentials in the address, in Chinese', async (t) => {
  for (const body of [
    { url: receiver.url, events: ['payment.settled'] },
    { url: receiver.url, events: [] },
    { url: 'ftp://127.0.0.1/x', events: ['evaluation.created'] },
    { url: 'http://user:pw@127.0.0.1/x', events: ['evaluation.created'] },
    { url: receiver.url, events: ['evaluation.created'], secret: 'mine' },
  ]) {
    const res = await register(body);
    t.is(res.status, 400, JSON.stringify(body));
    t.is(res.body.error.code, 'VALIDATION_FAILED');
  }
  const unknown = await app.request('GET', '/api/v1/admin/webhooks/0123456789abcdef01234567/deliveries', { token: admin.token });
  t.is(unknown.status, 404);
});

test.serial('walk-in cases › a case accepted at the window is a status change too, from no previous status', async (t) => {
  const endpoint = await register({ url: receiver.url, events: ['application.status_changed'] });
  const scene = await buildScene();
  const walkIn = await app.request('POST', '/api/v1/staff/cases', { token: scene.clerk.token, body: { itemCode: scene.item.code, applicantName: '司马相如' } });
  t.is(walkIn.status, 201, walkIn.text);
  const queued = await NotificationModel.findOne({ entity: 'webhook', entityId: endpoint.body.id }).lean();
  t.like(queued?.data, { type: 'application.status_changed', data: { applicationId: walkIn.body.id, previousStatus: null, status: 'accepted' } });
  t.false(JSON.stringify(queued?.data).includes('司马'), 'the applicant is not pushed');
  await WebhookModel.deleteOne({ _id: endpoint.body.id });
});

test('indexes › the subscribers of an event and an endpoint’s delivery log are read through indexes', async (t) => {
  const db = NotificationModel.db.db!;
  const subscribers = await db.command({
    explain: { find: WebhookModel.collection.collectionName, filter: { active: true, events: 'evaluation.created' } },
    verbosity: 'queryPlanner',
  });
  t.true(usesIndex(subscribers), JSON.stringify(subscribers.queryPlanner?.winningPlan));
  const log = await db.command({
    explain: {
      find: NotificationModel.collection.collectionName,
      filter: { entity: 'webhook', entityId: '0123456789abcdef01234567' },
      sort: { createdAt: -1, _id: -1 },
      limit: 20,
    },
    verbosity: 'queryPlanner',
  });
  t.true(usesIndex(log), JSON.stringify(log.queryPlanner?.winningPlan));
});

test.serial('key rotation › re-encrypts webhook secrets, so deliveries stay signed once the old key is gone', async (t) => {
  const endpoint = await register({ url: receiver.url, events: ['hotline.replied'] });
  const oldKey = config.PII_KEY;
  Object.assign(config, { PII_KEY: randomBytes(32).toString('base64'), PII_KEY_PREVIOUS: oldKey });
  try {
    t.true((await rotatePiiKey()).webhooks >= 1);
    Object.assign(config, { PII_KEY_PREVIOUS: '' });
    const now = new Date();
    await emitEvent('hotline.replied', { ticketId: 'HL-2' }, now);
    t.like(await sendDueNotifications(now), { sent: 1 });
    const delivery = receiver.received.at(-1)!;
    t.true(verifySignature(endpoint.body.secret, header(delivery.headers[SIGNATURE_HEADER.toLowerCase()]), delivery.body, now));
  } finally {
    Object.assign(config, { PII_KEY: oldKey, PII_KEY_PREVIOUS: '' });
  }
});
