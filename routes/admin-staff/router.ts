// /api/v1/admin/staff: staff accounts, managed by center admins (all) and department admins
// (window staff and department admins of their own department); and a staff member's own
// password change at /api/v1/auth/staff/password.
import Router from '@koa/router';
import { StaffModel } from '../../models/staff.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { findPage, pageSchema } from '../../server/pagination.ts';
import { loginRateLimit } from '../../server/rate-limits.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { recordAudit } from '../../services/audit/record.ts';
import { createStaff, resetStaffPassword, setStaffActive, staffInScope, staffListFilter, updateStaff, type StaffRecord } from '../../services/staff/manage.ts';
import { isStaffLocked, unlockStaff } from '../../services/staff/login.ts';
import { changeOwnPassword } from '../../services/staff/password.ts';
import { presentStaff } from './present.ts';
import { OwnPasswordChange, PasswordReset, StaffCreate, StaffIdParams, StaffListQuery, StaffOut, StaffPatch } from './schema.ts';

export const adminStaffRouter = new Router<AppState>({ prefix: '/api/v1' });
const tags = ['管理：工作人员账号'];
const acting = (ctx: RouteContext) => ({ actor: staffOf(ctx), requestId: ctx.state.requestId, now: ctx.state.now });
const params = StaffIdParams;

defineRoute(
  adminStaffRouter,
  {
    method: 'get',
    path: '/admin/staff',
    summary: '工作人员账号列表（部门管理员仅见本部门）',
    tags,
    access: 'admin',
    query: StaffListQuery,
    response: pageSchema(StaffOut),
  },
  async (ctx, { query }) => {
    const found = await findPage<StaffRecord>(StaffModel, staffListFilter(staffOf(ctx), query), { username: 1 }, query);
    ctx.body = { ...found, items: found.items.map(presentStaff) };
  },
);

defineRoute(
  adminStaffRouter,
  { method: 'get', path: '/admin/staff/:id', summary: '查看工作人员账号（含是否被锁定）', tags, access: 'admin', params, response: StaffOut },
  async (ctx, { params: { id } }) => {
    const staff = await staffInScope(id, staffOf(ctx));
    ctx.body = { ...presentStaff(staff), locked: await isStaffLocked(staff.username, ctx.state.now) };
  },
);

defineRoute(
  adminStaffRouter,
  {
    method: 'post',
    path: '/admin/staff',
    summary: '新建工作人员账号（首次登录须修改密码）',
    tags,
    access: 'admin',
    body: StaffCreate,
    response: StaffOut,
    status: 201,
    errors: { 409: 'USERNAME_TAKEN' },
  },
  async (ctx, { body }) => {
    ctx.status = 201;
    ctx.body = presentStaff(await createStaff(body, acting(ctx)));
  },
);

defineRoute(
  adminStaffRouter,
  {
    method: 'patch',
    path: '/admin/staff/:id',
    summary: '修改姓名、角色、所属部门或窗口',
    tags,
    access: 'admin',
    params,
    body: StaffPatch,
    response: StaffOut,
    errors: { 409: 'STAFF_CHANGED' },
  },
  async (ctx, { params: { id }, body }) => {
    ctx.body = presentStaff(await updateStaff(id, body, acting(ctx)));
  },
);

defineRoute(
  adminStaffRouter,
  {
    method: 'post',
    path: '/admin/staff/:id/reset-password',
    summary: '重置密码（下次登录须修改）',
    tags,
    access: 'admin',
    params,
    body: PasswordReset,
    response: StaffOut,
  },
  async (ctx, { params: { id }, body }) => {
    ctx.body = presentStaff(await resetStaffPassword(id, body.password, acting(ctx)));
  },
);

for (const [path, active, summary] of [
  ['/admin/staff/:id/disable', false, '停用账号（不能再登录或续期令牌）'],
  ['/admin/staff/:id/enable', true, '启用账号'],
] as const) {
  defineRoute(adminStaffRouter, { method: 'post', path, summary, tags, access: 'admin', params, response: StaffOut }, async (ctx, { params: { id } }) => {
    ctx.body = presentStaff(await setStaffActive(id, active, acting(ctx)));
  });
}

defineRoute(
  adminStaffRouter,
  { method: 'post', path: '/admin/staff/:id/unlock', summary: '解除因密码错误导致的锁定', tags, access: 'admin', params, response: StaffOut },
  async (ctx, { params: { id } }) => {
    const { actor, requestId, now } = acting(ctx);
    const staff = await staffInScope(id, actor);
    const wasLocked = await unlockStaff(staff.username, now);
    await recordAudit({ actor, action: 'unlock', entity: 'staff', entityId: id, after: { wasLocked }, requestId }, now);
    ctx.body = { ...presentStaff(staff), locked: false };
  },
);

defineRoute(
  adminStaffRouter,
  {
    method: 'post',
    path: '/auth/staff/password',
    summary: '工作人员修改本人密码（须提供当前密码）',
    tags: ['认证'],
    access: 'public',
    body: OwnPasswordChange,
    status: 204,
    errors: { 401: '用户名或密码错误', 423: 'ACCOUNT_LOCKED', 429: 'RATE_LIMITED' },
    before: [loginRateLimit()],
  },
  async (ctx, { body }) => {
    await changeOwnPassword(body.username, body.password, body.newPassword, ctx.state.now, ctx.ip);
    ctx.status = 204;
  },
);
