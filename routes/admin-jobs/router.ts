// GET /api/v1/admin/job-runs: the scheduled jobs' run log (job, tick, instance, start, end,
// outcome, counts), newest first.
import Router from '@koa/router';
import { z } from 'zod';
import { JobRunModel, type JobRun } from '../../models/job-lock.ts';
import { PageQuery, pageSchema, findPage } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';

export const adminJobsRouter = new Router<AppState>({ prefix: '/api/v1/admin' });

const RunsQuery = PageQuery.extend({
  job: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional(),
  outcome: z.enum(['running', 'ok', 'failed']).optional(),
});
const RunOut = z.object({
  id: z.string(),
  job: z.string(),
  tick: z.string(),
  instance: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(['running', 'ok', 'failed']),
  counts: z.record(z.string(), z.unknown()),
  error: z.string(),
});

defineRoute(
  adminJobsRouter,
  { method: 'get', path: '/job-runs', summary: '定时任务运行记录', tags: ['管理：定时任务'], access: 'admin', query: RunsQuery, response: pageSchema(RunOut) },
  async (ctx, { query }) => {
    const filter: Record<string, string> = {};
    if (query.job) filter.job = query.job;
    if (query.outcome) filter.outcome = query.outcome;
    const found = await findPage<JobRun & { _id: unknown }>(JobRunModel, filter, { startedAt: -1, _id: -1 }, query);
    ctx.body = {
      ...found,
      items: found.items.map((r) => ({
        id: String(r._id),
        job: r.job,
        tick: r.tick.toISOString(),
        instance: r.instance,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
        outcome: r.outcome,
        counts: r.counts ?? {},
        error: r.error ?? '',
      })),
    };
  },
);
