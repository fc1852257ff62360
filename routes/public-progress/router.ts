// 办件公示 for anyone: published case progress (masked) and the figures, from memory.
import Router from '@koa/router';
import { z } from 'zod';
import { notFound } from '../../server/errors.ts';
import { pageOf, PageQuery, pageSchema } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { presentPublicCase } from '../../services/publishing/row.ts';

export const publicProgressRouter = new Router<AppState>({ prefix: '/api/v1/public' });
const tags = ['办件公示'];

const CaseOut = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  department: z.object({ code: z.string(), name: z.string() }),
  applicant: z.string().describe('张*三; 企业名称全称'),
  status: z.enum(['accepted', 'completed']),
  statusText: z.string(),
  acceptedDate: z.string(),
  deadline: z.string().nullable(),
  completedDate: z.string().nullable(),
  onTime: z.boolean().nullable(),
});
const rate = z.number().nullable().describe('0..1, null when there is nothing to divide');
const StatsOut = z.object({
  from: z.string(),
  to: z.string(),
  casesAccepted: z.number().int(),
  casesCompleted: z.number().int(),
  onTimeRate: rate,
  oneVisitRate: rate,
  bookings: z.number().int(),
  satisfaction: z.object({ evaluations: z.number().int(), averageScore: z.number().nullable(), satisfiedRate: rate }),
  monthly: z
    .array(
      z.object({
        month: z.string(),
        zeroTripCases: z.number().int().describe('零跑动：全程网办、结果邮寄送达'),
        oneTripCases: z.number().int(),
        materialsReused: z.number().int().describe('复用材料库而免于再次提交的材料数'),
        deferredAcceptances: z.number().int().describe('容缺受理的办件'),
      }),
    )
    .optional(),
});

defineRoute(
  publicProgressRouter,
  { method: 'get', path: '/progress', summary: '办件公示（近期受理与办结的办件）', tags, access: 'public', query: PageQuery, response: pageSchema(CaseOut) },
  async (ctx, { query }) => {
    ctx.set('Cache-Control', 'public, max-age=30');
    const page = pageOf(ctx.state.caches.progress.cases(), query);
    ctx.body = { ...page, items: page.items.map(presentPublicCase) };
  },
);

defineRoute(
  publicProgressRouter,
  {
    method: 'get',
    path: '/stats',
    summary: '办件公示统计（受理、办结、按时率、最多跑一次率、预约量、满意度）',
    tags,
    access: 'public',
    response: StatsOut,
    errors: { 404: 'NOT_FOUND（尚未发布）' },
  },
  async (ctx) => {
    const stats = ctx.state.caches.progress.stats();
    if (!stats) throw notFound('公示数据'); // before the first publish
    ctx.set('Cache-Control', 'public, max-age=30');
    ctx.body = stats;
  },
);
