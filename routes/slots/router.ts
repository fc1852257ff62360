// GET /items/:code/slots: the bookable slots of an item.
import Router from '@koa/router';
import { z } from 'zod';
import { config } from '../../server/config.ts';
import { validationFailed } from '../../server/errors.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { addDays, daysBetween, isCalendarDate, zonedDate } from '../../services/calendar/zoned-time.ts';
import { listBookableSlots } from '../../services/booking/slots.ts';

export const slotsRouter = new Router<AppState>({ prefix: '/api/v1' });

const MAX_RANGE_DAYS = 62;
const DateString = z.string().refine(isCalendarDate, '日期格式应为 YYYY-MM-DD');
const SlotOut = z.object({ id: z.string(), date: z.string(), start: z.string(), end: z.string(), capacity: z.number().int(), remaining: z.number().int() });

defineRoute(
  slotsRouter,
  {
    method: 'get',
    path: '/items/:code/slots',
    summary: '事项可预约时段（仅显示可约且有余量的时段）',
    tags: ['预约'],
    access: 'public',
    params: z.object({ code: z.string().trim().min(1).max(64) }),
    query: z.object({ from: DateString.optional(), to: DateString.optional() }),
    response: z.array(SlotOut),
  },
  async (ctx, { params, query }) => {
    const now = ctx.state.now;
    const from = query.from ?? zonedDate(now, config.TZ_NAME);
    const to = query.to ?? addDays(from, MAX_RANGE_DAYS - 1);
    const span = daysBetween(from, to);
    if (span < 0) throw validationFailed({ 'query.to': '结束日期不能早于开始日期' });
    if (span >= MAX_RANGE_DAYS) throw validationFailed({ 'query.to': `查询范围不能超过${MAX_RANGE_DAYS}天` });
    ctx.body = await listBookableSlots(params.code, from, to, now, ctx.state.caches.catalogue.current(), ctx.state.caches.slots);
  },
);
