// A hotline scene: two departments with a clerk each (two clerks in A), an operator, a center
// admin, a citizen, and categories dispatched by rule to A; the clock is fixed and movable.
import type { TestApp } from '../helpers/app.ts';
import { buildCitizen, buildDepartment, buildStaff, suffix } from '../helpers/factories.ts';

/** Tuesday 2025-06-10 10:00 in Asia/Shanghai: a working day of a year with official data. */
export const START = new Date('2025-06-10T02:00:00Z');

export async function buildHotlineScene(app: TestApp) {
  const deptA = (await buildDepartment()).code;
  const deptB = (await buildDepartment()).code;
  const scene = {
    deptA,
    deptB,
    clerkA: await buildStaff('window', deptA),
    clerkA2: await buildStaff('window', deptA),
    adminA: await buildStaff('dept_admin', deptA),
    clerkB: await buildStaff('window', deptB),
    operator: await buildStaff('hotline_operator', null),
    center: await buildStaff('center_admin', null),
    citizen: await buildCitizen({ verified: true }),
    otherCitizen: await buildCitizen({ verified: true }),
    category: `C${suffix()}`,
    manualCategory: `M${suffix()}`,
  };
  const create = (body: unknown) => app.request('POST', '/api/v1/admin/hotline/categories', { token: scene.center.token, body });
  const parent = await create({ code: `P${suffix()}`, name: '城乡建设' });
  if (parent.status !== 201) throw new Error(parent.text);
  for (const body of [
    { code: scene.category, name: '物业管理', parent: parent.body.code, department: deptA },
    { code: scene.manualCategory, name: '其他', parent: parent.body.code },
  ]) {
    const created = await create(body);
    if (created.status !== 201) throw new Error(created.text);
  }
  return scene;
}
export type HotlineScene = Awaited<ReturnType<typeof buildHotlineScene>>;

export const submit = (app: TestApp, scene: HotlineScene, body: Record<string, unknown> = {}) =>
  app.request('POST', '/api/v1/hotline/requests', {
    token: scene.citizen.token,
    body: { type: '投诉', category: scene.category, text: '小区电梯停运三天，物业不予维修', ...body },
  });

export const staffPost = (app: TestApp, token: string, number: string, action: string, body: unknown = {}) =>
  app.request('POST', `/api/v1/staff/hotline/requests/${number}/${action}`, { token, body });
