// /api/v1/admin/schedules: opening hours, slot length and seats of a window group, in the
// admin's department scope. Every change regenerates future empty slots.
import Router from '@koa/router';
import { ScheduleModel, type ScheduleDoc } from '../../models/schedule.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { pageSchema, findPage } from '../../server/pagination.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { createSchedule, deleteSchedule, presentSchedule, scheduleInScope, updateSchedule } from '../../services/booking/schedules.ts';
import { IdParams, ScheduleChangeOut, ScheduleDeletedOut, ScheduleInput, ScheduleListQuery, ScheduleOut, SchedulePatch } from './booking-schema.ts';

export const adminSchedulesRouter = new Router<AppState>({ prefix: '/api/v1/admin' });
const tags = ['管理：排班'];
const actorOf = (ctx: RouteContext) => ({ actor: staffOf(ctx), requestId: ctx.state.requestId });

defineRoute(
  adminSchedulesRouter,
  { method: 'get', path: '/schedules', summary: '排班列表', tags, access: 'admin', query: ScheduleListQuery, response: pageSchema(ScheduleOut) },
  async (ctx, { query }) => {
    const staff = staffOf(ctx);
    const department = staff.role === 'center_admin' ? query.department : staff.department;
    const filter = department ? { department } : {};
    const found = await findPage<ScheduleDoc>(ScheduleModel, filter, { windowGroup: 1 }, query);
    ctx.body = { ...found, items: found.items.map(presentSchedule) };
  },
);

defineRoute(
  adminSchedulesRouter,
  {
    method: 'post',
    path: '/schedules',
    summary: '新建窗口组排班',
    tags,
    access: 'admin',
    body: ScheduleInput,
    response: ScheduleChangeOut,
    status: 201,
    errors: { 409: 'SCHEDULE_EXISTS' },
  },
  async (ctx, { body }) => {
    ctx.status = 201;
    ctx.body = await createSchedule(body, actorOf(ctx), ctx.state.now);
  },
);

defineRoute(
  adminSchedulesRouter,
  { method: 'get', path: '/schedules/:id', summary: '查看排班', tags, access: 'admin', params: IdParams, response: ScheduleOut },
  async (ctx, { params }) => {
    ctx.body = presentSchedule(await scheduleInScope(params.id, staffOf(ctx)));
  },
);

defineRoute(
  adminSchedulesRouter,
  {
    method: 'patch',
    path: '/schedules/:id',
    summary: '修改排班（重新生成未被预约的未来时段）',
    tags,
    access: 'admin',
    params: IdParams,
    body: SchedulePatch,
    response: ScheduleChangeOut,
  },
  async (ctx, { params, body }) => {
    ctx.body = await updateSchedule(params.id, body, actorOf(ctx), ctx.state.now);
  },
);

defineRoute(
  adminSchedulesRouter,
  {
    method: 'delete',
    path: '/schedules/:id',
    summary: '删除排班（已有预约的时段保留）',
    tags,
    access: 'admin',
    params: IdParams,
    response: ScheduleDeletedOut,
  },
  async (ctx, { params }) => {
    ctx.body = await deleteSchedule(params.id, actorOf(ctx), ctx.state.now);
  },
);
