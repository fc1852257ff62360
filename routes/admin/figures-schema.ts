// Request and answer schemas of the service figures (admin and public).
import { z } from 'zod';
import { daysBetween } from '../../services/calendar/zoned-time.ts';
import { PERIODS } from '../../services/figures/periods.ts';
import { DateString } from './booking-schema.ts';

/** Longest range per period: a year of days, ten years of anything else. */
const MAX_DAYS = { day: 366, week: 3660, month: 3660, year: 3660 } as const;
const PERIOD_NAMES = { day: '日', week: '周', month: '月', year: '年' } as const;

const rangeFields = {
  period: z.enum(PERIODS).default('day'),
  from: DateString,
  to: DateString,
};
function checkRange(value: { period: keyof typeof MAX_DAYS; from: string; to: string }, ctx: z.RefinementCtx) {
  const days = daysBetween(value.from, value.to);
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  else if (days >= MAX_DAYS[value.period])
    ctx.addIssue({ code: 'custom', path: ['to'], message: `按${PERIOD_NAMES[value.period]}统计时范围不能超过 ${MAX_DAYS[value.period]} 天` });
}

export const Scope = z
  .string()
  .trim()
  .max(80)
  .regex(/^(center|(department|item|window):[A-Za-z0-9_-]{1,64})$/, '统计范围应为 center、department:编码、item:编码 或 window:编码');

export const FiguresQuery = z.strictObject({ ...rangeFields, scope: Scope.optional() }).superRefine(checkRange);
export const PublicFiguresQuery = z.object(rangeFields).superRefine(checkRange);
export const RangeQuery = z.strictObject(rangeFields).superRefine(checkRange);

const rate = z.number().nullable().describe('0..1, null when there is nothing to divide');
const minutes = z.number().nullable();
const Duration = z.object({ count: z.number().int(), averageMinutes: minutes, p90Minutes: minutes });
export const FiguresOut = z.object({
  bookings: z.number().int(),
  checkIns: z.number().int(),
  noShows: z.number().int(),
  walkIns: z.number().int(),
  wait: Duration.describe('ticket issued → called'),
  handling: Duration.describe('called → finished'),
  cases: z.object({
    accepted: z.number().int(),
    completed: z.number().int(),
    completedOnTime: z.number().int(),
    onTimeRate: rate,
    oneVisit: z.number().int(),
    oneVisitRate: rate,
  }),
  ratings: z.object({
    count: z.number().int(),
    averageScore: z.number().nullable(),
    satisfied: z.number().int(),
    satisfactionRate: rate,
    bad: z.number().int(),
    rectified: z.number().int(),
    rectifiedOnTime: z.number().int(),
    rectifiedOnTimeRate: rate,
  }),
});
const PeriodOut = FiguresOut.extend({ key: z.string(), from: z.string(), to: z.string() });
export const ServiceFiguresOut = z.object({
  period: z.enum(PERIODS),
  from: z.string(),
  to: z.string(),
  scope: z.string(),
  total: FiguresOut,
  periods: z.array(PeriodOut),
});
export const PublicFiguresOut = z.object({
  period: z.enum(PERIODS),
  from: z.string(),
  to: z.string(),
  center: z.object({ total: FiguresOut, periods: z.array(PeriodOut) }),
  departments: z.array(z.object({ code: z.string(), total: FiguresOut })),
});
