// Reading the figures: a scope's days in [from, to], summed into days, weeks, months or years.
//
// serviceFigures({ period, from, to, scope }) answers
//   { period, from, to, scope,
//     total: Figures,                        // the whole range
//     periods: [{ key, from, to, ...Figures }] }  // every period touching the range, oldest first,
//                                            // clipped to [from, to]; periods without records are included (zeros)
// where Figures (tally.ts figuresOf) is
//   { bookings, checkIns, noShows, walkIns,
//     wait:     { count, averageMinutes, p90Minutes },     // ticket issued → called
//     handling: { count, averageMinutes, p90Minutes },     // called → finished
//     cases:    { accepted, completed, completedOnTime, onTimeRate, oneVisit, oneVisitRate },
//     ratings:  { count, averageScore, satisfied, satisfactionRate, bad, rectified, rectifiedOnTime, rectifiedOnTimeRate } }
// Rates are 0..1 (three decimals) or null when there is nothing to divide; minutes have one
// decimal (averages) or are whole (p90, exact to the minute). Scopes: `center`,
// `department:CODE`, `item:CODE`, `window:CODE`. Access is the caller's business (access.ts).
import { FiguresDailyModel, type FiguresDay } from '../../models/figures-daily.ts';
import { addDays } from '../calendar/zoned-time.ts';
import { periodEnd, periodKey, periodStart, type Period } from './periods.ts';
import { emptyTally, figuresOf, mergeTally, type Tally } from './tally.ts';
import type { ScopeKind } from './compute.ts';

export interface FiguresQuery {
  period: Period;
  from: string;
  to: string;
}

// A stored day is a canonical Tally with its _id, scope and date (store.ts writes exactly that).
const tallyOf = (day: FiguresDay): Tally => mergeTally(emptyTally(), day as unknown as Tally);

/** Sums days into the periods of [from, to]. */
function periodsOf(days: FiguresDay[], { period, from, to }: FiguresQuery) {
  const byStart = new Map<string, Tally>();
  for (let start = periodStart(period, from); start <= to; start = addDays(periodEnd(period, start), 1)) byStart.set(start, emptyTally());
  const total = emptyTally();
  for (const day of days) {
    mergeTally(byStart.get(periodStart(period, day.date))!, tallyOf(day));
    mergeTally(total, tallyOf(day));
  }
  const periods = [...byStart].map(([start, tally]) => ({
    key: periodKey(period, start),
    from: start < from ? from : start,
    to: periodEnd(period, start) > to ? to : periodEnd(period, start),
    ...figuresOf(tally),
  }));
  return { total: figuresOf(total), periods };
}

/** One scope's figures (the exported entry point for the public site and other readers). */
export async function serviceFigures(query: FiguresQuery & { scope: string }) {
  const days = await FiguresDailyModel.find({ scope: query.scope, date: { $gte: query.from, $lte: query.to } }).lean();
  return { period: query.period, from: query.from, to: query.to, scope: query.scope, ...periodsOf(days, query) };
}
export type ServiceFigures = Awaited<ReturnType<typeof serviceFigures>>;

/**
 * Every scope of one kind (each department, item or window) with records in the range, as
 * `[{ scope, code, total, periods }]` sorted by code; `codes` limits it to those codes (the
 * items or windows of a department admin's department).
 */
export async function figuresByKind(query: FiguresQuery & { kind: ScopeKind; codes?: string[] }) {
  const prefix = query.kind === 'center' ? 'center' : `${query.kind}:`;
  const scopeFilter = query.codes ? { $in: query.codes.map((code) => `${query.kind}:${code}`) } : query.kind === 'center' ? 'center' : { $regex: `^${prefix}` };
  const days = await FiguresDailyModel.find({ date: { $gte: query.from, $lte: query.to }, scope: scopeFilter })
    .sort({ scope: 1, date: 1 })
    .lean();
  const byScope = new Map<string, FiguresDay[]>();
  for (const day of days) {
    const list = byScope.get(day.scope) ?? [];
    list.push(day);
    byScope.set(day.scope, list);
  }
  return [...byScope].map(([scope, list]) => ({ scope, code: scope.includes(':') ? scope.slice(scope.indexOf(':') + 1) : '', ...periodsOf(list, query) }));
}

/**
 * The public variant (public site, lobby screens): the center and each department only, and
 * no raw durations; every figure is an aggregate over many visits, so nothing identifies one.
 */
export async function publicFigures(query: FiguresQuery) {
  const center = await serviceFigures({ ...query, scope: 'center' });
  const departments = await figuresByKind({ ...query, kind: 'department' });
  return {
    period: query.period,
    from: query.from,
    to: query.to,
    center: { total: center.total, periods: center.periods },
    departments: departments.map(({ code, total }) => ({ code, total })),
  };
}
