// Arrival and queue: the day's bookings, check-in to a ticket, walk-in tickets, calling and
// serving at a window.
import Router from '@koa/router';
import { z } from 'zod';
import { staffCoversDepartment } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { forbidden } from '../../server/errors.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { pageSchema } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { callNext, serveTicket } from '../../services/queue/calling.ts';
import { checkIn } from '../../services/queue/check-in.ts';
import { zonedDate } from '../../services/calendar/zoned-time.ts';
import { listDayAppointments } from '../../services/queue/day-list.ts';
import { issueTicket, queueTargetOf } from '../../services/queue/tickets.ts';
import { presentStaffAppointment, presentTicket } from './present.ts';
import { CheckInBody, CheckInByCode, DayQuery, IdParams, StaffAppointmentOut, TicketOut, WalkIn, WindowParams } from './schema.ts';

export const staffQueueRouter = new Router<AppState>({ prefix: '/api/v1/staff' });
const tags = ['窗口叫号'];
const CheckInOut = z.object({ ticketNo: z.string(), appointmentId: z.string() });

defineRoute(
  staffQueueRouter,
  { method: 'get', path: '/appointments', summary: '当日预约（本部门）', tags, access: 'staff', query: DayQuery, response: pageSchema(StaffAppointmentOut) },
  async (ctx, { query }) => {
    const date = query.date ?? zonedDate(ctx.state.now, config.TZ_NAME);
    const { appointments, names, total } = await listDayAppointments(staffOf(ctx), { ...query, date }, ctx.state.caches.catalogue.current());
    const guides = ctx.state.caches.catalogue.current().byCode;
    ctx.body = { items: appointments.map((a) => presentStaffAppointment(a, names, guides)), total, page: query.page, pageSize: query.pageSize };
  },
);

defineRoute(
  staffQueueRouter,
  {
    method: 'post',
    path: '/appointments/:id/check-in',
    summary: '预约签到取号',
    tags,
    access: 'staff',
    params: IdParams,
    body: CheckInBody,
    response: CheckInOut,
    errors: { 409: 'CHECK_IN_CLOSED, INVALID_STATE' },
  },
  async (ctx, { params, body }) => {
    ctx.body = await checkIn({ id: params.id }, staffOf(ctx), ctx.state.now, ctx.state.caches.catalogue.current(), body.priority ?? null);
  },
);

defineRoute(
  staffQueueRouter,
  {
    method: 'post',
    path: '/check-in',
    summary: '扫签到码签到取号',
    tags,
    access: 'staff',
    body: CheckInByCode,
    response: CheckInOut,
    errors: { 404: 'NOT_FOUND', 409: 'CHECK_IN_CLOSED, INVALID_STATE' },
  },
  async (ctx, { body }) => {
    const catalogue = ctx.state.caches.catalogue.current();
    ctx.body = await checkIn({ checkInCode: body.checkInCode }, staffOf(ctx), ctx.state.now, catalogue, body.priority ?? null);
  },
);

defineRoute(
  staffQueueRouter,
  {
    method: 'post',
    path: '/tickets',
    summary: '现场取号（未预约；priority 为绿色通道优先号）',
    tags,
    access: 'staff',
    body: WalkIn,
    response: TicketOut,
    status: 201,
    errors: { 404: 'NOT_FOUND' },
  },
  async (ctx, { body }) => {
    const staff = staffOf(ctx);
    const catalogue = ctx.state.caches.catalogue.current();
    const target = await queueTargetOf(body.itemCode, catalogue);
    if (!staffCoversDepartment(staff, target.department)) throw forbidden('无权为其他部门的事项取号');
    const ticket = await issueTicket({ itemCode: body.itemCode, source: 'walk_in', priority: body.priority ?? null, now: ctx.state.now }, catalogue);
    ctx.status = 201;
    ctx.body = presentTicket(ticket, catalogue.byCode, ctx.state.now);
  },
);

defineRoute(
  staffQueueRouter,
  {
    method: 'post',
    path: '/windows/:code/call-next',
    summary: '叫下一个号（当前号码以 next_call 结束）',
    tags,
    access: 'staff',
    params: WindowParams,
    response: TicketOut,
    errors: { 409: 'QUEUE_EMPTY, CALL_IN_PROGRESS' },
  },
  async (ctx, { params }) => {
    const catalogue = ctx.state.caches.catalogue.current();
    ctx.body = presentTicket(await callNext(params.code, staffOf(ctx), ctx.state.now, catalogue), catalogue.byCode, ctx.state.now);
  },
);

defineRoute(
  staffQueueRouter,
  {
    method: 'post',
    path: '/tickets/:id/serve',
    summary: '完成当前号码',
    tags,
    access: 'staff',
    params: IdParams,
    response: TicketOut,
    errors: { 409: 'INVALID_STATE' },
  },
  async (ctx, { params }) => {
    const catalogue = ctx.state.caches.catalogue.current();
    ctx.body = presentTicket(await serveTicket(params.id, staffOf(ctx), ctx.state.now, catalogue), catalogue.byCode, ctx.state.now);
  },
);
