// The published figures of a window: cases accepted and completed, share completed on time,
// share completed with at most one visit (最多跑一次), bookings, and satisfaction from 好差评.
// Kept as tallies per date, so a tick adds and takes away the rows it replaced instead of
// counting every case again.
import type { PublicRow } from './row.ts';

/** 满意: 非常满意, 满意, 基本满意 (3–5); 1–2 are 差评. */
export const SATISFIED_MIN_SCORE = 3;

/** The day a case is listed under: completion, else acceptance. */
export const pubDateOf = (row: Pick<PublicRow, 'acceptedDate' | 'completedDate'>) => row.completedDate ?? row.acceptedDate;

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

const TALLY = { accepted: 0, completed: 0, onTime: 0, oneVisit: 0, evaluations: 0, scoreSum: 0, satisfied: 0, zeroTrip: 0, oneTrip: 0, deferred: 0, reused: 0 };
type Tally = typeof TALLY;
const KEYS = Object.keys(TALLY) as (keyof Tally)[];

/** What the cases add up to on each date: acceptances, completions and ratings by the day they happened. */
export class Tallies {
  private byDate = new Map<string, Tally>();

  /** Counts `row` in (`sign` 1) or out (`sign` -1). */
  add(row: PublicRow, sign: 1 | -1): void {
    const accepted = this.on(row.acceptedDate);
    accepted.accepted += sign;
    if (row.deferredAccepted) accepted.deferred += sign;
    accepted.reused += sign * (row.reusedMaterials ?? 0);
    if (row.completedDate) {
      const day = this.on(row.completedDate);
      day.completed += sign;
      if (row.onTime) day.onTime += sign;
      if (row.oneVisit) day.oneVisit += sign;
      if (row.visits === 0) day.zeroTrip += sign;
      if (row.visits === 1) day.oneTrip += sign;
    }
    if (row.evaluationScore != null && row.evaluatedDate) {
      const day = this.on(row.evaluatedDate);
      day.evaluations += sign;
      day.scoreSum += sign * row.evaluationScore;
      if (row.evaluationScore >= SATISFIED_MIN_SCORE) day.satisfied += sign;
    }
  }

  private on(date: string): Tally {
    let day = this.byDate.get(date);
    if (!day) this.byDate.set(date, (day = { ...TALLY }));
    return day;
  }

  /** The figures of the dates within [from, to]. */
  statsFor(bookings: number, window: { from: string; to: string }) {
    const sum = { ...TALLY };
    const months = new Map<string, Tally>();
    for (const [date, day] of this.byDate) {
      if (date < window.from || date > window.to) continue;
      const month = months.get(date.slice(0, 7)) ?? { ...TALLY };
      months.set(date.slice(0, 7), month);
      for (const key of KEYS) {
        sum[key] += day[key];
        month[key] += day[key];
      }
    }
    return {
      from: window.from,
      to: window.to,
      casesAccepted: sum.accepted,
      casesCompleted: sum.completed,
      onTimeRate: share(sum.onTime, sum.completed),
      oneVisitRate: share(sum.oneVisit, sum.completed),
      bookings,
      satisfaction: {
        evaluations: sum.evaluations,
        averageScore: sum.evaluations === 0 ? null : Math.round((sum.scoreSum / sum.evaluations) * 100) / 100,
        satisfiedRate: share(sum.satisfied, sum.evaluations),
      },
      /** Per month (YYYY-MM): completed with zero and with one trip, materials reused, cases accepted 容缺. */
      monthly: [...months.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, m]) => ({ month, zeroTripCases: m.zeroTrip, oneTripCases: m.oneTrip, materialsReused: m.reused, deferredAcceptances: m.deferred })),
    };
  }
}

export type PublishedStats = ReturnType<Tallies['statsFor']>;
