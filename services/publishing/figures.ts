// Daily figures of 办件公示 kept incrementally: each case contributes +1s to the days of its
// events; a changed case is subtracted as it was and added as it is now.
import type { PublicRow } from './row.ts';

export type DailyField = 'listed' | 'accepted' | 'completed' | 'completedOnTime' | 'completedOneVisit' | 'evaluations' | 'evaluationSum' | 'satisfied';
/** date → field → change */
export type DailyDelta = Map<string, Partial<Record<DailyField, number>>>;

/** The day a case is listed under: completion, else acceptance. */
export const pubDateOf = (row: Pick<PublicRow, 'acceptedDate' | 'completedDate'>) => row.completedDate ?? row.acceptedDate;

/** 满意: 非常满意, 满意, 基本满意 (3–5); 1–2 are 差评. */
export const SATISFIED_MIN_SCORE = 3;

function contributions(row: PublicRow): [string, DailyField, number][] {
  const out: [string, DailyField, number][] = [[pubDateOf(row), 'listed', 1], [row.acceptedDate, 'accepted', 1]];
  if (row.completedDate) {
    out.push([row.completedDate, 'completed', 1]);
    if (row.onTime) out.push([row.completedDate, 'completedOnTime', 1]);
    if (row.oneVisit) out.push([row.completedDate, 'completedOneVisit', 1]);
  }
  if (row.evaluatedDate && row.evaluationScore != null) {
    out.push([row.evaluatedDate, 'evaluations', 1], [row.evaluatedDate, 'evaluationSum', row.evaluationScore]);
    if (row.evaluationScore >= SATISFIED_MIN_SCORE) out.push([row.evaluatedDate, 'satisfied', 1]);
  }
  return out;
}

/** Adds (sign 1) or subtracts (sign -1) a row's contributions into `delta`. */
export function addContribution(delta: DailyDelta, row: PublicRow | null | undefined, sign: 1 | -1): void {
  if (!row) return;
  for (const [date, field, amount] of contributions(row)) {
    const day = delta.get(date) ?? {};
    day[field] = (day[field] ?? 0) + sign * amount;
    delta.set(date, day);
  }
}

export interface DailyTotals { listed: number; accepted: number; completed: number; completedOnTime: number; completedOneVisit: number; evaluations: number; evaluationSum: number; satisfied: number }

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** The published figures from the window's daily totals and its booking count. */
export function statsOf(days: Partial<DailyTotals>[], bookings: number, window: { from: string; to: string }) {
  const sum = (field: keyof DailyTotals) => days.reduce((total, day) => total + (day[field] ?? 0), 0);
  const evaluations = sum('evaluations');
  return {
    from: window.from,
    to: window.to,
    casesAccepted: sum('accepted'),
    casesCompleted: sum('completed'),
    onTimeRate: share(sum('completedOnTime'), sum('completed')),
    oneVisitRate: share(sum('completedOneVisit'), sum('completed')),
    bookings,
    satisfaction: {
      evaluations,
      averageScore: evaluations === 0 ? null : Math.round((sum('evaluationSum') / evaluations) * 100) / 100,
      satisfiedRate: share(sum('satisfied'), evaluations),
    },
  };
}

export type PublishedStats = ReturnType<typeof statsOf>;
