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

const TALLY = { accepted: 0, completed: 0, onTime: 0, oneVisit: 0, evaluations: 0, scoreSum: 0, satisfied: 0 };
type Tally = typeof TALLY;
const KEYS: (keyof Tally)[] = ['accepted', 'completed', 'onTime', 'oneVisit', 'evaluations', 'scoreSum', 'satisfied'];

/** What the cases add up to on each date: acceptances, completions and ratings by the day they happened. */
export class Tallies {
  private byDate = new Map<string, Tally>();

  /** Counts `row` in (`sign` 1) or out (`sign` -1). */
  add(row: PublicRow, sign: 1 | -1): void {
    this.on(row.acceptedDate).accepted += sign;
    if (row.completedDate) {
      const day = this.on(row.completedDate);
      day.completed += sign;
      if (row.onTime) day.onTime += sign;
      if (row.oneVisit) day.oneVisit += sign;
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
    for (const [date, day] of this.byDate) {
      if (date < window.from || date > window.to) continue;
      for (const key of KEYS) sum[key] += day[key];
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
    };
  }
}

export type PublishedStats = ReturnType<Tallies['statsFor']>;
