// The whole loop through the API: 受理 → 派单 → 签收 → 联系 → 延期 → 答复 → 评价 → 办结, with
// the guarded steps raced, returns limited, 举报 reporters hidden, duplicates merged.
import test from 'ava';
import { AuditLogModel } from '../../models/audit-log.ts';
import { HotlineRequestModel } from '../../models/hotline-request.ts';
import { NotificationModel } from '../../models/notification.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildHotlineScene, START, staffPost, submit, type HotlineScene } from './fixtures.ts';

let app: TestApp;
let scene: HotlineScene;
let now = START;
test.before(async () => {
  app = await startTestApp({ clock: () => now });
  scene = await buildHotlineScene(app);
});
test.after.always(() => app.close());

const dispatched = async (body: Record<string, unknown> = {}) => {
  const created = await submit(app, scene, body);
  const answer = await staffPost(app, scene.operator.token, created.body.number, 'dispatch');
  if (answer.status !== 200) throw new Error(answer.text);
  return created.body.number as string;
};

test.serial('intake › a citizen submits › numbered 12345-YYYYMMDD-nnnnnn, acknowledged once, seen by its owner only', async (t) => {
  const created = await submit(app, scene, { location: { address: '幸福小区3幢', lat: 30.27, long: 120.15 } });
  t.is(created.status, 201, created.text);
  t.regex(created.body.number, /^12345-20250610-\d{6}$/);
  t.is(created.body.status, 'received');
  // 投诉: reply within 5 working days, at close of office (2025-06-17 17:00 +08:00).
  t.is(created.body.replyDue, '2025-06-17T09:00:00.000Z');
  const notices = await NotificationModel.find({ entity: 'hotline_request', entityId: created.body.id }).lean();
  t.is(notices.length, 1);
  t.is((await app.request('GET', `/api/v1/hotline/requests/${created.body.number}`, { token: scene.citizen.token })).status, 200);
  t.is((await app.request('GET', `/api/v1/hotline/requests/${created.body.number}`, { token: scene.otherCitizen.token })).status, 404);
  const second = await submit(app, scene);
  t.not(second.body.number, created.body.number);
  const anonymousComplaint = await submit(app, scene, { anonymous: true });
  t.is(anonymousComplaint.status, 400);
});

test.serial('sign-for › two clerks sign at once › one 200, one 409 ALREADY_SIGNED, one history entry', async (t) => {
  for (let round = 0; round < 3; round++) {
    const number = await dispatched();
    const answers = await Promise.all([staffPost(app, scene.clerkA.token, number, 'sign'), staffPost(app, scene.clerkA2.token, number, 'sign')]);
    t.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    t.is(answers.find((a) => a.status === 409)!.body.error.code, 'ALREADY_SIGNED');
    const stored = await HotlineRequestModel.findOne({ number }).lean();
    t.is(stored!.history.filter((h) => h.action === 'signed').length, 1);
    // Dispatched by the category's rule to A, signed within 1 working hour.
    t.is(stored!.department, scene.deptA);
    t.is(stored!.signDue!.toISOString(), new Date(START.getTime() + 3600_000).toISOString());
  }
});

test.serial('scope › department B sees nothing of A’s request and cannot act on it', async (t) => {
  const number = await dispatched();
  t.is((await app.request('GET', `/api/v1/staff/hotline/requests/${number}`, { token: scene.clerkB.token })).status, 404);
  t.is((await staffPost(app, scene.clerkB.token, number, 'sign')).status, 404);
  const list = await app.request('GET', '/api/v1/staff/hotline/requests', { token: scene.clerkB.token });
  t.false(list.body.items.some((r: { number: string }) => r.number === number));
  t.true(
    (await app.request('GET', '/api/v1/staff/hotline/requests', { token: scene.clerkA.token })).body.items.some((r: { number: string }) => r.number === number),
  );
});

test.serial('退单 › twice back to the center, the third to center review, then no more', async (t) => {
  const created = await submit(app, scene);
  const number = created.body.number as string;
  for (const expected of ['received', 'received', 'center_review']) {
    t.is((await staffPost(app, scene.operator.token, number, 'dispatch', { department: scene.deptA })).status, 200);
    const returned = await staffPost(app, scene.clerkA.token, number, 'return', { reason: '不属于本部门职责' });
    t.is(returned.status, 200, returned.text);
    t.is(returned.body.status, expected);
  }
  t.is((await staffPost(app, scene.center.token, number, 'dispatch', { department: scene.deptA, coHandlers: [scene.deptB] })).status, 200);
  const fourth = await staffPost(app, scene.clerkA.token, number, 'return', { reason: '仍不属于本部门' });
  t.is(fourth.status, 409);
  t.is(fourth.body.error.code, 'RETURN_LIMIT');
  // The co-handler sees it and may note, but not sign.
  t.is((await app.request('GET', `/api/v1/staff/hotline/requests/${number}`, { token: scene.clerkB.token })).status, 200);
  t.is((await staffPost(app, scene.clerkB.token, number, 'notes', { text: '协办意见' })).status, 200);
  t.is((await staffPost(app, scene.clerkB.token, number, 'sign')).status, 403);
  const signed = await staffPost(app, scene.clerkA.token, number, 'sign');
  t.is(signed.status, 200);
  t.is((await staffPost(app, scene.clerkA.token, number, 'return', { reason: '签收后不能退单' })).status, 409);
});

test.serial('handling › contact, one extension (original deadline kept), reply, 不满意 reopens once, then 办结', async (t) => {
  const partner = await app.request('POST', '/api/v1/admin/webhooks', {
    token: scene.center.token,
    body: { url: 'http://127.0.0.1:9/12345', events: ['hotline.replied'] },
  });
  t.is(partner.status, 201, partner.text);
  const number = await dispatched();
  t.is((await staffPost(app, scene.clerkA.token, number, 'sign')).status, 200);
  t.is((await staffPost(app, scene.clerkA.token, number, 'contact', { note: '已电话联系' })).status, 200);
  t.is((await staffPost(app, scene.clerkA.token, number, 'notes', { text: '内部：物业公司推诿' })).status, 200);
  const asked = await staffPost(app, scene.clerkA.token, number, 'extension', { reason: '需协调电梯维保单位', days: 2 });
  t.is(asked.status, 200);
  t.is((await staffPost(app, scene.clerkA.token, number, 'extension', { reason: '再延', days: 2 })).body.error.code, 'EXTENSION_USED');
  t.is((await staffPost(app, scene.clerkA.token, number, 'extension/decision', { approve: true })).status, 403);
  const approved = await staffPost(app, scene.operator.token, number, 'extension/decision', { approve: true, note: '同意' });
  t.is(approved.status, 200);
  t.is(approved.body.originalReplyDue, '2025-06-17T09:00:00.000Z');
  t.is(approved.body.replyDue, '2025-06-19T09:00:00.000Z');
  const reply = await staffPost(app, scene.clerkA.token, number, 'reply', { outcome: '部分解决', text: '已督促物业维修一部电梯' });
  t.is(reply.status, 200, reply.text);
  t.is(reply.body.status, 'replied');
  // The partner system is told of the reply (queued in the outbox), with no personal data.
  const told = await NotificationModel.find({ channel: 'webhook', kind: 'hotline.replied', entityId: partner.body.id }).lean();
  t.is(told.length, 1);
  t.like(told[0]!.data, { type: 'hotline.replied', data: { number, department: scene.deptA, outcome: '部分解决' } });
  t.false(JSON.stringify(told[0]!.data).includes('电梯'), 'neither the request nor the reply text');

  const mine = await app.request('GET', `/api/v1/hotline/requests/${number}`, { token: scene.citizen.token });
  t.false(mine.text.includes('物业公司推诿'), 'internal notes never reach the citizen');
  t.true(mine.body.history.some((h: { action: string }) => h.action === 'replied'));

  const rate = (rating: string) => app.request('POST', `/api/v1/hotline/requests/${number}/rating`, { token: scene.citizen.token, body: { rating } });
  const reopened = await rate('不满意');
  t.is(reopened.body.status, 'signed');
  t.is(reopened.body.replies.length, 1, 'the first reply is kept');
  t.is((await staffPost(app, scene.clerkA.token, number, 'reply', { outcome: '已解决', text: '两部电梯均已恢复运行' })).status, 200);
  const closed = await rate('不满意');
  t.is(closed.body.status, 'closed', 'a second 不满意 does not reopen again');
  t.is(closed.body.replies.length, 2);
  t.is((await rate('满意')).status, 409);
});

test.serial('rating window › an unrated reply closes by itself once the window passes; a late rating is refused', async (t) => {
  const number = await dispatched({ type: '咨询' });
  await staffPost(app, scene.clerkA.token, number, 'sign');
  await staffPost(app, scene.clerkA.token, number, 'reply', { outcome: '已解释', text: '按政策规定可以办理，请携带身份证' });
  const { hotlineSupervisionJob } = await import('../../jobs/hotline-supervision.ts');
  now = new Date(START.getTime() + 8 * 24 * 3600_000);
  try {
    const late = await app.request('POST', `/api/v1/hotline/requests/${number}/rating`, { token: scene.citizen.token, body: { rating: '满意' } });
    t.is(late.body.error.code, 'RATING_WINDOW_CLOSED');
    const result = await hotlineSupervisionJob.run(now);
    t.true(result.closed! >= 1);
    t.is((await HotlineRequestModel.findOne({ number }).lean())!.status, 'closed');
  } finally {
    now = START;
  }
});

test.serial('举报 › anonymous: no contact for the department, the reporter for the center only, every look audited', async (t) => {
  const created = await submit(app, scene, { type: '举报', anonymous: true, text: '某餐馆使用过期食材' });
  t.is(created.status, 201, created.text);
  const number = created.body.number as string;
  await staffPost(app, scene.operator.token, number, 'dispatch');
  const asDepartment = await app.request('GET', `/api/v1/staff/hotline/requests/${number}`, { token: scene.clerkA.token });
  t.is(asDepartment.body.contact, null);
  t.false(asDepartment.text.includes(scene.citizen.id));
  const path = `/api/v1/staff/hotline/requests/${number}/reporter?purpose=${encodeURIComponent('核实举报')}`;
  t.is((await app.request('GET', path, { token: scene.clerkA.token })).status, 403);
  t.is((await app.request('GET', path, { token: scene.adminA.token })).status, 403);
  const reporter = await app.request('GET', path, { token: scene.operator.token });
  t.is(reporter.status, 200);
  t.is(reporter.body.citizenId, scene.citizen.id);
  t.is(await AuditLogModel.countDocuments({ action: 'read_reporter', entityId: number }), 1);
});

test.serial('calls › an operator enters a call: the number is stored encrypted and shown masked', async (t) => {
  const call = await app.request('POST', '/api/v1/staff/hotline/calls', {
    token: scene.operator.token,
    body: { type: '求助', category: scene.category, text: '家门口路灯坏了一周', callerPhone: '13912345678', callerName: '李四' },
  });
  t.is(call.status, 201, call.text);
  t.deepEqual(call.body.contact, { name: '李*', phone: '139****5678' });
  const stored = await HotlineRequestModel.findOne({ number: call.body.number }).lean();
  t.false(JSON.stringify(stored).includes('13912345678'));
  t.is((await app.request('POST', '/api/v1/staff/hotline/calls', { token: scene.clerkA.token, body: {} })).status, 403);
});

test.serial('merge › a duplicate joins an open request and its citizen is told of the reply too', async (t) => {
  const original = await dispatched();
  const duplicate = await app.request('POST', '/api/v1/hotline/requests', {
    token: scene.otherCitizen.token,
    body: { type: '投诉', category: scene.category, text: '同一小区电梯停运' },
  });
  const merged = await staffPost(app, scene.operator.token, duplicate.body.number, 'merge', { into: original });
  t.is(merged.status, 200, merged.text);
  t.is(merged.body.status, 'merged');
  await staffPost(app, scene.clerkA.token, original, 'sign');
  await staffPost(app, scene.clerkA.token, original, 'reply', { outcome: '已解决', text: '电梯已修复并通过检验' });
  const told = await NotificationModel.countDocuments({ kind: 'hotline_replied', entityId: duplicate.body.id });
  t.is(told, 1);
});
