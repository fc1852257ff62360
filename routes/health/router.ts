// Liveness and readiness for the load balancer.
import Router from '@koa/router';
import { z } from 'zod';
import { defineRoute } from '../../server/route.ts';
import { isDatabaseReachable } from '../../server/db.ts';
import { currentCalendarWarnings } from '../../services/calendar/store.ts';
import { CalendarWarningOut } from '../admin/dashboard-router.ts';
import type { AppState } from '../../server/state.ts';

export const healthRouter = new Router<AppState>();
const ReadyOut = z.object({ status: z.enum(['ready', 'unavailable']), details: z.object({ warnings: z.array(CalendarWarningOut) }).optional() });

defineRoute(
  healthRouter,
  { method: 'get', path: '/healthz', summary: '进程存活', tags: ['运维'], access: 'public', response: z.object({ status: z.literal('ok') }) },
  (ctx) => {
    ctx.body = { status: 'ok' };
  },
);

defineRoute(
  healthRouter,
  {
    method: 'get',
    path: '/readyz',
    summary: '数据库可用时就绪；details.warnings 列出需要管理员处理的提醒（如缺少年度节假日数据）',
    tags: ['运维'],
    access: 'public',
    response: ReadyOut,
    responses: { 503: { description: '数据库不可达', schema: ReadyOut } },
  },
  async (ctx) => {
    const ready = await isDatabaseReachable();
    ctx.status = ready ? 200 : 503;
    // Ready with warnings is still ready: a missing holiday year closes booking for that year only.
    ctx.body = ready ? { status: 'ready', details: { warnings: await currentCalendarWarnings(ctx.state.now) } } : { status: 'unavailable' };
  },
);
