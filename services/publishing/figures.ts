// The published figures of a window, from the in-memory ledger in one pass: cases accepted
// and completed, share completed on time, share completed with at most one visit (最多跑一次),
// bookings, and satisfaction from 好差评.
import type { PublicRow } from './row.ts';

/** 满意: 非常满意, 满意, 基本满意 (3–5); 1–2 are 差评. */
export const SATISFIED_MIN_SCORE = 3;

/** The day a case is listed under: completion, else acceptance. */
export const pubDateOf = (row: Pick<PublicRow, 'acceptedDate' | 'completedDate'>) => row.completedDate ?? row.acceptedDate;

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** Figures of the cases in `rows` whose events fall within [from, to]. */
export function statsOf(rows: Iterable<PublicRow>, bookings: number, window: { from: string; to: string }) {
  const within = (date: string | null | undefined) => !!date && date >= window.from && date <= window.to;
  let accepted = 0, completed = 0, onTime = 0, oneVisit = 0, evaluations = 0, scoreSum = 0, satisfied = 0;
  for (const row of rows) {
    if (within(row.acceptedDate)) accepted++;
    if (within(row.completedDate)) {
      completed++;
      if (row.onTime) onTime++;
      if (row.oneVisit) oneVisit++;
    }
    if (row.evaluationScore != null && within(row.evaluatedDate)) {
      evaluations++;
      scoreSum += row.evaluationScore;
      if (row.evaluationScore >= SATISFIED_MIN_SCORE) satisfied++;
    }
  }
  return {
    from: window.from,
    to: window.to,
    casesAccepted: accepted,
    casesCompleted: completed,
    onTimeRate: share(onTime, completed),
    oneVisitRate: share(oneVisit, completed),
    bookings,
    satisfaction: {
      evaluations,
      averageScore: evaluations === 0 ? null : Math.round((scoreSum / evaluations) * 100) / 100,
      satisfiedRate: share(satisfied, evaluations),
    },
  };
}

export type PublishedStats = ReturnType<typeof statsOf>;
