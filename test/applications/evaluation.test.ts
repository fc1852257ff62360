import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { config } from '../../server/config.ts';
import { ApplicationModel } from '../../models/application.ts';
import { RectificationModel } from '../../models/rectification.ts';
import { StaffNoticeModel } from '../../models/staff-notice.ts';
import { addWorkingDays } from '../../services/applications/working-days.ts';
import { businessDate } from '../../services/applications/business-date.ts';
import { rectificationWarningJob } from '../../jobs/rectification-warning.ts';
import { buildStaff } from '../helpers/factories.ts';
import { applicationIn, buildScene } from './fixtures.ts';

let app: TestApp;
let scene: Awaited<ReturnType<typeof buildScene>>;

test.before(async () => {
  Object.assign(config, { RECTIFICATION_WORKING_DAYS: 15 });
  app = await startTestApp({ clock: fileClock });
  scene = await buildScene();
});
test.after.always(() => app.close());

const rate = (id: string, token: string, body: unknown) => app.request('POST', `/api/v1/applications/${id}/evaluation`, { token, body });

test('POST /applications/:id/evaluation › completed case › rated once by its owner, score on the application', async (t) => {
  const id = await applicationIn(app, scene, 'completed');
  const res = await rate(id, scene.citizen.token, { score: 5, comment: '窗口服务很好' });
  t.is(res.status, 201);
  t.is(res.body.score, 5);
  const again = await rate(id, scene.citizen.token, { score: 1 });
  t.is(again.status, 409);
  t.is(again.body.error.code, 'ALREADY_EVALUATED');
  const seen = await app.request('GET', `/api/v1/applications/${id}`, { token: scene.citizen.token });
  t.is(seen.body.evaluation.score, 5);
  const stored = await ApplicationModel.findById(id).lean();
  t.is(stored!.evaluationScore, 5);
  t.truthy(stored!.evaluatedAt);
  t.is(await RectificationModel.countDocuments({ applicationId: id }), 0);
});

test('POST /applications/:id/evaluation › two ratings at once › one 201, one 409 ALREADY_EVALUATED', async (t) => {
  const id = await applicationIn(app, scene, 'completed');
  const answers = await Promise.all([rate(id, scene.citizen.token, { score: 4 }), rate(id, scene.citizen.token, { score: 2 })]);
  t.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
  const winner = answers.find((a) => a.status === 201)!.body.score;
  t.is((await ApplicationModel.findById(id).lean())!.evaluationScore, winner);
});

test('POST /applications/:id/evaluation › before completion › 409 INVALID_STATE; someone else › 404; bad score › 400', async (t) => {
  const id = await applicationIn(app, scene, 'accepted');
  const early = await rate(id, scene.citizen.token, { score: 5 });
  t.is(early.status, 409);
  t.is(early.body.error.code, 'INVALID_STATE');
  const done = await applicationIn(app, scene, 'completed');
  const stranger = await buildScene();
  t.is((await rate(done, stranger.citizen.token, { score: 1 })).status, 404);
  t.is((await rate(done, scene.clerk.token, { score: 1 })).status, 403);
  for (const score of [0, 6, 3.5, '5']) {
    const res = await rate(done, scene.citizen.token, { score });
    t.is(res.status, 400, `score ${score}`);
    t.truthy(res.body.error.details.fields['body.score']);
  }
});

test('差评 › opens a rectification for the department; admins list it; the reply reaches the citizen', async (t) => {
  const id = await applicationIn(app, scene, 'completed');
  t.is((await rate(id, scene.citizen.token, { score: 2, comment: '等候时间太长' })).status, 201);

  const list = await app.request('GET', '/api/v1/admin/rectifications?status=open', { token: scene.admin.token });
  t.is(list.status, 200);
  const task = list.body.items.find((r: { applicationId: string }) => r.applicationId === id);
  t.truthy(task);
  t.is(task.department, scene.department);
  t.is(task.score, 2);
  t.is(task.deadline, await addWorkingDays(businessDate(fileClock()), 15));

  // Window clerks are not admins; other departments' admins do not see it.
  t.is((await app.request('GET', '/api/v1/admin/rectifications', { token: scene.clerk.token })).status, 403);
  const otherAdmin = (await buildScene()).admin;
  const theirs = await app.request('GET', '/api/v1/admin/rectifications', { token: otherAdmin.token });
  t.false(theirs.body.items.some((r: { id: string }) => r.id === task.id));
  t.is((await app.request('POST', `/api/v1/admin/rectifications/${task.id}/close`, { token: otherAdmin.token, body: { reply: '无关' } })).status, 404);

  const reply = '已增设取号引导岗，高峰期增开窗口。';
  const closed = await app.request('POST', `/api/v1/admin/rectifications/${task.id}/close`, { token: scene.admin.token, body: { reply } });
  t.is(closed.status, 200);
  t.is(closed.body.status, 'closed');
  const twice = await app.request('POST', `/api/v1/admin/rectifications/${task.id}/close`, { token: scene.admin.token, body: { reply } });
  t.is(twice.status, 409);
  t.is(twice.body.error.code, 'INVALID_STATE');
  t.is((await app.request('POST', `/api/v1/admin/rectifications/${task.id}/close`, { token: scene.admin.token, body: { reply: '' } })).status, 400);

  const seen = await app.request('GET', `/api/v1/applications/${id}`, { token: scene.citizen.token });
  t.is(seen.body.rectification.reply, reply);
  t.is(seen.body.evaluation.score, 2);
});

test('GET /staff/evaluations › department ratings without the rater', async (t) => {
  const id = await applicationIn(app, scene, 'completed');
  await rate(id, scene.citizen.token, { score: 3, comment: '一般' });
  const res = await app.request('GET', '/api/v1/staff/evaluations?pageSize=100', { token: scene.clerk.token });
  t.is(res.status, 200);
  const mine = res.body.items.find((e: { applicationId: string }) => e.applicationId === id);
  t.deepEqual(Object.keys(mine).sort(), ['applicationId', 'comment', 'createdAt', 'id', 'itemCode', 'score']);
  t.false(res.text.includes(scene.citizen.id));
  const other = await buildScene();
  const theirs = await app.request('GET', '/api/v1/staff/evaluations?pageSize=100', { token: other.clerk.token });
  t.false(theirs.body.items.some((e: { applicationId: string }) => e.applicationId === id));
  const center = await buildStaff('center_admin', null);
  const all = await app.request('GET', '/api/v1/staff/evaluations?pageSize=100', { token: center.token });
  t.true(all.body.items.some((e: { applicationId: string }) => e.applicationId === id));
});

test('rectification-warning job › warns department admins once a day about due and overdue tasks', async (t) => {
  const warned = await buildScene();
  const ids = [await applicationIn(app, warned, 'completed'), await applicationIn(app, warned, 'completed'), await applicationIn(app, warned, 'completed')];
  for (const id of ids) await rate(id, warned.citizen.token, { score: 1 });
  const tasks = await RectificationModel.find({ department: warned.department }).sort({ _id: 1 });
  const now = new Date('2026-11-23T01:00:00Z'); // Monday 09:00 in Asia/Shanghai
  // One overdue, one due tomorrow, one far off.
  const deadlines = ['2026-11-20', '2026-11-24', '2026-12-31'];
  for (const [index, task] of tasks.entries()) await RectificationModel.updateOne({ _id: task._id }, { $set: { deadline: deadlines[index] } });

  t.deepEqual(await rectificationWarningJob.run(now), { warned: 2 });
  t.deepEqual(await rectificationWarningJob.run(now), { warned: 0 });
  const notices = await StaffNoticeModel.find({ department: warned.department }).lean();
  t.deepEqual(notices.map((n) => n.kind).sort(), ['rectification_due', 'rectification_overdue']);
  t.true(notices.every((n) => n.audience === 'dept_admin' && n.message.length > 0));
  // The next day it warns again about what is still open.
  t.deepEqual(await rectificationWarningJob.run(new Date('2026-11-24T01:00:00Z')), { warned: 2 });
});

test('POST /admin/rectifications/:id/close › two admins at once › one 200, one 409 INVALID_STATE', async (t) => {
  const id = await applicationIn(app, scene, 'completed');
  await rate(id, scene.citizen.token, { score: 1 });
  const task = await RectificationModel.findOne({ applicationId: id }).lean();
  const second = await buildStaff('dept_admin', scene.department);
  const answers = await Promise.all(
    [scene.admin, second].map((admin, i) =>
      app.request('POST', `/api/v1/admin/rectifications/${String(task!._id)}/close`, { token: admin.token, body: { reply: `答复${i}` } }),
    ),
  );
  t.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
  const winner = answers.find((a) => a.status === 200)!.body.reply;
  const seen = await app.request('GET', `/api/v1/applications/${id}`, { token: scene.citizen.token });
  t.is(seen.body.rectification.reply, winner);
});
