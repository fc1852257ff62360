// Service figures: GET /api/v1/admin/figures (an admin's scope) and GET /api/v1/public/figures
// (the center and its departments, for the public site and lobby screens).
import Router from '@koa/router';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { readableScope } from '../../services/figures/access.ts';
import { publicFigures, serviceFigures } from '../../services/figures/read.ts';
import { FiguresQuery, PublicFiguresOut, PublicFiguresQuery, ServiceFiguresOut } from './figures-schema.ts';

export const figuresRouter = new Router<AppState>({ prefix: '/api/v1' });

defineRoute(
  figuresRouter,
  {
    method: 'get',
    path: '/admin/figures',
    summary: '服务统计（按日、周、月、年；中心、部门、事项、窗口）',
    tags: ['管理：统计'],
    access: 'admin',
    query: FiguresQuery,
    response: ServiceFiguresOut,
  },
  async (ctx, { query }) => {
    const scope = await readableScope(staffOf(ctx), query.scope);
    ctx.body = await serviceFigures({ period: query.period, from: query.from, to: query.to, scope });
  },
);

defineRoute(
  figuresRouter,
  {
    method: 'get',
    path: '/public/figures',
    summary: '公开服务统计（中心与各部门汇总）',
    tags: ['办件公示'],
    access: 'public',
    query: PublicFiguresQuery,
    response: PublicFiguresOut,
  },
  async (ctx, { query }) => {
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.body = await publicFigures(query);
  },
);
