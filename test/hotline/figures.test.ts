// Monthly figures from the records, precomputed by the publishing job (recomputing reproduces
// them), shown to admins in scope and published; 督办 notices once per deadline.
import test from 'ava';
import { HotlineMonthlyModel } from '../../models/hotline-monthly.ts';
import { StaffNoticeModel } from '../../models/staff-notice.ts';
import { hotlineFiguresJob } from '../../jobs/hotline-figures.ts';
import { hotlineSupervisionJob } from '../../jobs/hotline-supervision.ts';
import { computeMonth } from '../../services/hotline/figures.ts';
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

const dispatch = async (body: Record<string, unknown> = {}) => {
  const number = (await submit(app, scene, body)).body.number as string;
  await staffPost(app, scene.operator.token, number, 'dispatch');
  return number;
};

test.serial('figures › computed from the records, precomputed by the job, reproduced on recompute, scoped for department admins', async (t) => {
  // 1: signed on time, replied on time, 满意. 2: returned by A once. 3: signed late (after 1 working hour).
  const first = await dispatch();
  await staffPost(app, scene.clerkA.token, first, 'sign');
  await staffPost(app, scene.clerkA.token, first, 'reply', { outcome: '已解决', text: '已处理完毕，电梯恢复' });
  await app.request('POST', `/api/v1/hotline/requests/${first}/rating`, { token: scene.citizen.token, body: { rating: '满意' } });
  const second = await dispatch();
  await staffPost(app, scene.clerkA.token, second, 'return', { reason: '不属于本部门' });
  const third = await dispatch();
  now = new Date(START.getTime() + 2 * 3600_000);
  await staffPost(app, scene.clerkA.token, third, 'sign');
  now = START;

  const month = '2025-06';
  const result = await hotlineFiguresJob.run(START);
  t.true(result.rows! >= 1);
  const stored = await HotlineMonthlyModel.findById(`${month}:${scene.deptA}`).lean();
  t.like(stored, { received: 2, signedOnTime: 1, repliedOnTime: 1, replied: 1, rated: 1, satisfied: 1, returned: 1, extended: 0, reopened: 0 });
  const recomputed = (await computeMonth(month)).find((row) => row.department === scene.deptA);
  const { computedAt: _computedAt, ...kept } = stored!;
  t.deepEqual(recomputed, kept, 'recomputing reproduces the precomputed row');

  const asCenter = await app.request('GET', `/api/v1/admin/hotline/figures?month=${month}`, { token: scene.center.token });
  const row = asCenter.body.departments.find((d: { department: string }) => d.department === scene.deptA);
  t.is(row.replyRate, 0.5);
  t.is(row.satisfactionRate, 1);
  const asDeptAdmin = await app.request('GET', `/api/v1/admin/hotline/figures?month=${month}`, { token: scene.adminA.token });
  t.true(asDeptAdmin.body.departments.every((d: { department: string }) => d.department === scene.deptA));
  const published = await app.request('GET', `/api/v1/public/hotline/figures?month=${month}`);
  t.is(published.status, 200);
  t.false(published.text.includes(scene.citizen.id));
});

test.serial('督办 › before and after the sign-for deadline, each notice once', async (t) => {
  const number = await dispatch();
  const before = await hotlineSupervisionJob.run(START);
  t.true(before.notices! >= 1);
  t.is(await StaffNoticeModel.countDocuments({ entityId: number, kind: 'hotline_sign_due', department: scene.deptA, audience: 'dept_admin' }), 1);
  await hotlineSupervisionJob.run(START);
  t.is(await StaffNoticeModel.countDocuments({ entityId: number, kind: 'hotline_sign_due' }), 1, 'a second run adds nothing');
  const later = new Date(START.getTime() + 3 * 3600_000);
  await hotlineSupervisionJob.run(later);
  await hotlineSupervisionJob.run(later);
  t.is(await StaffNoticeModel.countDocuments({ entityId: number, kind: 'hotline_sign_overdue' }), 1);
});
