// Citizens' bookings: book, list own, cancel, reschedule.
import Router from '@koa/router';
import { validationFailed } from '../../server/errors.ts';
import { citizenOf } from '../../server/middleware/authenticate.ts';
import { pageSchema } from '../../server/pagination.ts';
import { bookingRateLimit } from '../../server/rate-limits.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { bookAppointment } from '../../services/booking/book.ts';
import { cancelAppointment, rescheduleAppointment } from '../../services/booking/change.ts';
import { listOwnAppointments } from '../../services/booking/own.ts';
import { presentAppointment } from './present.ts';
import {
  AppointmentOut,
  AppointmentParams,
  BookAppointmentBody,
  BookingHeaders,
  IdempotencyKey,
  MyAppointmentsQuery,
  ReplayHeaders,
  RescheduleBody,
} from './schema.ts';

export const appointmentsRouter = new Router<AppState>({ prefix: '/api/v1' });
const tags = ['预约'];

defineRoute(
  appointmentsRouter,
  {
    method: 'post',
    path: '/appointments',
    summary: '预约一个时段（请带 Idempotency-Key 请求头，重试时返回同一预约）',
    tags,
    access: 'citizen',
    body: BookAppointmentBody,
    headers: BookingHeaders,
    response: AppointmentOut,
    responseHeaders: ReplayHeaders,
    status: 201,
    errors: {
      403: 'FORBIDDEN, PROFILE_REQUIRED',
      404: 'NOT_FOUND（事项或时段）',
      409: 'SLOT_FULL, DUPLICATE_BOOKING, BOOKING_BANNED, BOOKING_CLOSED, TOO_MANY_BOOKINGS, BOOKING_NOT_OFFERED, REQUEST_IN_PROGRESS',
      429: 'RATE_LIMITED',
    },
    before: [bookingRateLimit()],
  },
  async (ctx, { body }) => {
    const header = ctx.get('Idempotency-Key');
    const key = header ? IdempotencyKey.safeParse(header) : undefined;
    if (key && !key.success) throw validationFailed({ 'headers.idempotency-key': key.error.issues[0]!.message });
    const { appointment, replayed } = await bookAppointment(
      { citizenId: citizenOf(ctx).id, ...body, idempotencyKey: key?.data, now: ctx.state.now },
      ctx.state.caches.catalogue.current(),
    );
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    ctx.status = 201;
    ctx.body = presentAppointment(appointment, ctx.state.caches.catalogue.current());
  },
);

defineRoute(
  appointmentsRouter,
  { method: 'get', path: '/me/appointments', summary: '我的预约', tags, access: 'citizen', query: MyAppointmentsQuery, response: pageSchema(AppointmentOut) },
  async (ctx, { query }) => {
    const found = await listOwnAppointments(citizenOf(ctx).id, query);
    const catalogue = ctx.state.caches.catalogue.current();
    ctx.body = { ...found, items: found.items.map((appointment) => presentAppointment(appointment, catalogue)) };
  },
);

defineRoute(
  appointmentsRouter,
  {
    method: 'post',
    path: '/appointments/:id/cancel',
    summary: '取消预约（立即释放名额）',
    tags,
    access: 'citizen',
    params: AppointmentParams,
    response: AppointmentOut,
    errors: { 409: 'CANCEL_CLOSED, INVALID_STATE' },
  },
  async (ctx, { params }) => {
    ctx.body = presentAppointment(await cancelAppointment(citizenOf(ctx).id, params.id, ctx.state.now), ctx.state.caches.catalogue.current());
  },
);

defineRoute(
  appointmentsRouter,
  {
    method: 'post',
    path: '/appointments/:id/reschedule',
    summary: '改约到另一时段（先占新名额，再释放原名额）',
    tags,
    access: 'citizen',
    params: AppointmentParams,
    body: RescheduleBody,
    response: AppointmentOut,
    status: 201,
    errors: { 409: 'CANCEL_CLOSED, INVALID_STATE, SLOT_FULL, BOOKING_CLOSED, DUPLICATE_BOOKING, BOOKING_BANNED' },
  },
  async (ctx, { params, body }) => {
    ctx.status = 201;
    const catalogue = ctx.state.caches.catalogue.current();
    ctx.body = presentAppointment(await rescheduleAppointment(citizenOf(ctx).id, params.id, body.slotId, ctx.state.now, catalogue), catalogue);
  },
);
