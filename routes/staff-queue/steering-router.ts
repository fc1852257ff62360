// Steering a window's queue: the waiting list, recall (重呼), skip (过号), requeue after a late
// arrival, and transfer to another window group (转窗).
import Router from '@koa/router';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { recallTicket, requeueTicket, skipTicket, transferTicket } from '../../services/queue/steering.ts';
import { windowQueue } from '../../services/queue/window-queue.ts';
import { presentTicket } from './present.ts';
import { IdParams, TicketOut, TransferBody, WindowParams, WindowQueueOut } from './schema.ts';

export const staffQueueSteeringRouter = new Router<AppState>({ prefix: '/api/v1/staff' });
const tags = ['窗口叫号'];

const present = (ctx: RouteContext) => {
  const { byCode } = ctx.state.caches.catalogue.current();
  return (ticket: Parameters<typeof presentTicket>[0]) => presentTicket(ticket, byCode, ctx.state.now);
};

defineRoute(
  staffQueueSteeringRouter,
  {
    method: 'get',
    path: '/windows/:code/queue',
    summary: '窗口队列：当前号码、等候名单（叫号顺序）与过号名单',
    tags,
    access: 'staff',
    params: WindowParams,
    response: WindowQueueOut,
    errors: { 404: 'NOT_FOUND' },
  },
  async (ctx, { params }) => {
    const queue = await windowQueue(params.code, staffOf(ctx), ctx.state.now, ctx.state.caches.catalogue.current());
    const show = present(ctx);
    ctx.body = {
      window: queue.window,
      current: queue.current ? show(queue.current) : null,
      waiting: queue.waiting.map(show),
      skipped: queue.skipped.map(show),
    };
  },
);

const actions = [
  { path: '/tickets/:id/recall', summary: '重呼当前号码（大屏再次播报）', run: recallTicket },
  { path: '/tickets/:id/skip', summary: '过号：叫到的号码未到场', run: skipTicket },
  { path: '/tickets/:id/requeue', summary: '过号后到场：排在其后若干位（QUEUE_LATE_AFTER）', run: requeueTicket },
] as const;

for (const action of actions) {
  defineRoute(
    staffQueueSteeringRouter,
    {
      method: 'post',
      path: action.path,
      summary: action.summary,
      tags,
      access: 'staff',
      params: IdParams,
      response: TicketOut,
      errors: { 409: 'INVALID_STATE' },
    },
    async (ctx, { params }) => {
      ctx.body = present(ctx)(await action.run(params.id, staffOf(ctx), ctx.state.now, ctx.state.caches.catalogue.current()));
    },
  );
}

defineRoute(
  staffQueueSteeringRouter,
  {
    method: 'post',
    path: '/tickets/:id/transfer',
    summary: '转窗：等候或叫到的号码转到另一窗口组，保留已等候的时间',
    tags,
    access: 'staff',
    params: IdParams,
    body: TransferBody,
    response: TicketOut,
    errors: { 400: 'UNKNOWN_WINDOW_GROUP, SAME_WINDOW_GROUP', 409: 'INVALID_STATE' },
  },
  async (ctx, { params, body }) => {
    ctx.body = present(ctx)(await transferTicket(params.id, body.windowGroup, staffOf(ctx), ctx.state.caches.catalogue.current()));
  },
);
