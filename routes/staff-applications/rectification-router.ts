// 差评整改 for department and center admins: the list and closing with a reply.
import Router from '@koa/router';
import { z } from 'zod';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { pageSchema } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { closeRectification, listRectifications } from '../../services/applications/rectification.ts';
import type { Rectification } from '../../models/rectification.ts';
import { CloseRectificationBody, RectificationListQuery, RectificationParams } from './schema.ts';

export const rectificationsRouter = new Router<AppState>({ prefix: '/api/v1/admin' });
const tags = ['差评整改'];

const RectificationOut = z.object({
  id: z.string(),
  applicationId: z.string(),
  department: z.string(),
  itemCode: z.string(),
  score: z.number().int(),
  comment: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  deadline: z.string(),
  reply: z.string().nullable(),
  closedAt: z.string().nullable(),
});

const present = (r: Rectification & { _id: unknown }) => ({
  id: String(r._id),
  applicationId: String(r.applicationId),
  department: r.department,
  itemCode: r.itemCode,
  score: r.score,
  comment: r.comment,
  status: r.status,
  openedAt: r.openedAt.toISOString(),
  deadline: r.deadline,
  reply: r.reply ?? null,
  closedAt: r.closedAt ? r.closedAt.toISOString() : null,
});

defineRoute(
  rectificationsRouter,
  {
    method: 'get',
    path: '/rectifications',
    summary: '差评整改任务',
    tags,
    access: 'admin',
    query: RectificationListQuery,
    response: pageSchema(RectificationOut),
  },
  async (ctx, { query }) => {
    const { status, ...page } = query;
    const result = await listRectifications(staffOf(ctx), status, page);
    ctx.body = { ...result, items: result.items.map(present) };
  },
);

defineRoute(
  rectificationsRouter,
  {
    method: 'post',
    path: '/rectifications/:id/close',
    summary: '整改办结并答复',
    tags,
    access: 'admin',
    params: RectificationParams,
    body: CloseRectificationBody,
    response: RectificationOut,
    errors: { 409: 'INVALID_STATE' },
  },
  async (ctx, { params, body }) => {
    ctx.body = present(await closeRectification(staffOf(ctx), params.id, body.reply, ctx.state.now));
  },
);
