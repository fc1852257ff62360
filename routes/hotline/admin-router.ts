// Hotline administration: the category tree and its dispatch rules (center admins), Open311
// partner keys, and the monthly figures (a department admin sees its own department's row).
import Router from '@koa/router';
import { z } from 'zod';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { createCategory, listCategories, updateCategory } from '../../services/hotline/categories.ts';
import { presentFigures, storedMonth } from '../../services/hotline/figures.ts';
import { issuePartnerKey } from '../../services/hotline/partners.ts';
import { monthOf } from '../../services/hotline/publish.ts';
import { presentCategory } from './present.ts';
import { CategoryBody, CategoryOut, CategoryParams, CategoryPatch, FiguresOut, MonthQuery, PartnerBody, PartnerOut } from './schema.ts';

export const adminHotlineRouter = new Router<AppState>({ prefix: '/api/v1/admin/hotline' });
export const publicHotlineRouter = new Router<AppState>({ prefix: '/api/v1/public/hotline' });
const tags = ['12345 热线：管理'];

defineRoute(
  adminHotlineRouter,
  { method: 'get', path: '/categories', summary: '诉求分类与派单规则（含停用）', tags, access: 'admin', response: z.array(CategoryOut) },
  async (ctx) => {
    ctx.body = (await listCategories(true)).map(presentCategory);
  },
);

defineRoute(
  adminHotlineRouter,
  {
    method: 'post',
    path: '/categories',
    summary: '新增诉求分类',
    tags,
    access: 'center_admin',
    body: CategoryBody,
    response: CategoryOut,
    status: 201,
    errors: { 409: 'CATEGORY_EXISTS' },
  },
  async (ctx, { body }) => {
    ctx.status = 201;
    ctx.body = presentCategory(await createCategory(body, { actor: staffOf(ctx), now: ctx.state.now, requestId: ctx.state.requestId }));
  },
);

defineRoute(
  adminHotlineRouter,
  {
    method: 'patch',
    path: '/categories/:code',
    summary: '修改诉求分类、派单规则与时限',
    tags,
    access: 'center_admin',
    params: CategoryParams,
    body: CategoryPatch,
    response: CategoryOut,
  },
  async (ctx, { params, body }) => {
    ctx.body = presentCategory(await updateCategory(params.code, body, { actor: staffOf(ctx), now: ctx.state.now, requestId: ctx.state.requestId }));
  },
);

defineRoute(
  adminHotlineRouter,
  {
    method: 'post',
    path: '/partners',
    summary: '为合作系统签发 Open311 api_key（只显示一次）',
    tags,
    access: 'center_admin',
    body: PartnerBody,
    response: PartnerOut,
    status: 201,
  },
  async (ctx, { body }) => {
    ctx.status = 201;
    ctx.body = await issuePartnerKey(body.name, staffOf(ctx), ctx.state.now, ctx.state.requestId);
  },
);

async function figuresOf(month: string, department?: string | null) {
  const rows = (await storedMonth(month)).filter((row) => !department || row.department === department);
  const computedAt = rows.reduce<Date | null>((latest, row) => (!latest || row.computedAt > latest ? row.computedAt : latest), null);
  return { month, computedAt: computedAt?.toISOString() ?? null, departments: rows.map(presentFigures) };
}

defineRoute(
  adminHotlineRouter,
  { method: 'get', path: '/figures', summary: '热线月度指标（按部门，来自预计算）', tags, access: 'admin', query: MonthQuery, response: FiguresOut },
  async (ctx, { query }) => {
    const staff = staffOf(ctx);
    ctx.body = await figuresOf(query.month ?? monthOf(ctx.state.now), staff.role === 'center_admin' ? null : staff.department);
  },
);

defineRoute(
  publicHotlineRouter,
  { method: 'get', path: '/figures', summary: '热线月度指标公示（按部门）', tags: ['公示'], access: 'public', query: MonthQuery, response: FiguresOut },
  async (ctx, { query }) => {
    ctx.body = await figuresOf(query.month ?? monthOf(ctx.state.now));
  },
);
