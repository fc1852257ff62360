// A day's (or a period's) figures as plain counts that add up: the sum of two tallies is the
// tally of both. Durations keep a histogram of whole minutes, so a period's p90 is exact to the
// minute. Pure functions, no database.

/** Waits and handling times of this many minutes or more share the last bucket. */
export const HIST_CAP_MINUTES = 480;
/** 满意: 非常满意, 满意, 基本满意 (3–5); 1–2 are 差评. */
export const SATISFIED_MIN_SCORE = 3;
export const BAD_MAX_SCORE = 2;

export interface Duration {
  count: number;
  seconds: number;
  hist: { m: number; n: number }[];
}

export interface Tally {
  bookings: number;
  checkIns: number;
  noShows: number;
  walkIns: number;
  wait: Duration;
  handling: Duration;
  accepted: number;
  completed: number;
  completedOnTime: number;
  oneVisit: number;
  ratings: number;
  scoreSum: number;
  satisfied: number;
  badRatings: number;
  rectified: number;
  rectifiedOnTime: number;
}

export type CountKey = Exclude<keyof Tally, 'wait' | 'handling'>;
export const COUNT_KEYS: CountKey[] = [
  'bookings',
  'checkIns',
  'noShows',
  'walkIns',
  'accepted',
  'completed',
  'completedOnTime',
  'oneVisit',
  'ratings',
  'scoreSum',
  'satisfied',
  'badRatings',
  'rectified',
  'rectifiedOnTime',
];

const emptyDuration = (): Duration => ({ count: 0, seconds: 0, hist: [] });
export function emptyTally(): Tally {
  const counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Record<CountKey, number>;
  return { ...counts, wait: emptyDuration(), handling: emptyDuration() };
}

/** Adds one duration (from → to) to `duration`; a negative or missing one is not counted. */
export function addDuration(duration: Duration, from: Date | null | undefined, to: Date | null | undefined): void {
  if (!from || !to) return;
  const ms = to.getTime() - from.getTime();
  if (!(ms >= 0)) return;
  duration.count += 1;
  duration.seconds += Math.round(ms / 1000);
  const minute = Math.min(Math.floor(ms / 60_000), HIST_CAP_MINUTES);
  const bucket = duration.hist.find((b) => b.m === minute);
  if (bucket) bucket.n += 1;
  else duration.hist.push({ m: minute, n: 1 });
}

function mergeDuration(into: Duration, from: Duration): void {
  into.count += from.count;
  into.seconds += from.seconds;
  for (const { m, n } of from.hist) {
    const bucket = into.hist.find((b) => b.m === m);
    if (bucket) bucket.n += n;
    else into.hist.push({ m, n });
  }
}

/** Adds `from` into `into`. */
export function mergeTally(into: Tally, from: Tally): Tally {
  for (const key of COUNT_KEYS) into[key] += from[key];
  mergeDuration(into.wait, from.wait);
  mergeDuration(into.handling, from.handling);
  return into;
}

/** The same tally in one canonical form (histograms sorted), so recomputes compare equal. */
export function canonical(tally: Tally): Tally {
  const sort = (d: Duration) => ({ count: d.count, seconds: d.seconds, hist: [...d.hist].sort((a, b) => a.m - b.m).map(({ m, n }) => ({ m, n })) });
  const counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, tally[key]])) as Record<CountKey, number>;
  return { ...counts, wait: sort(tally.wait), handling: sort(tally.handling) };
}

/** Nearest-rank percentile (0 < p ≤ 1) in whole minutes; null without durations. */
export function percentileMinutes(duration: Duration, p: number): number | null {
  if (duration.count === 0) return null;
  const rank = Math.ceil(p * duration.count);
  let seen = 0;
  for (const { m, n } of [...duration.hist].sort((a, b) => a.m - b.m)) {
    seen += n;
    if (seen >= rank) return m;
  }
  return HIST_CAP_MINUTES;
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
const minutes = (d: Duration) => (d.count === 0 ? null : Math.round((d.seconds / d.count / 60) * 10) / 10);

/** What a tally says, as served: counts, rates (0..1, null when nothing to divide) and minutes. */
export function figuresOf(tally: Tally) {
  return {
    bookings: tally.bookings,
    checkIns: tally.checkIns,
    noShows: tally.noShows,
    walkIns: tally.walkIns,
    wait: { count: tally.wait.count, averageMinutes: minutes(tally.wait), p90Minutes: percentileMinutes(tally.wait, 0.9) },
    handling: { count: tally.handling.count, averageMinutes: minutes(tally.handling), p90Minutes: percentileMinutes(tally.handling, 0.9) },
    cases: {
      accepted: tally.accepted,
      completed: tally.completed,
      completedOnTime: tally.completedOnTime,
      onTimeRate: share(tally.completedOnTime, tally.completed),
      oneVisit: tally.oneVisit,
      oneVisitRate: share(tally.oneVisit, tally.completed),
    },
    ratings: {
      count: tally.ratings,
      averageScore: tally.ratings === 0 ? null : Math.round((tally.scoreSum / tally.ratings) * 100) / 100,
      satisfied: tally.satisfied,
      satisfactionRate: share(tally.satisfied, tally.ratings),
      bad: tally.badRatings,
      rectified: tally.rectified,
      rectifiedOnTime: tally.rectifiedOnTime,
      rectifiedOnTimeRate: share(tally.rectifiedOnTime, tally.rectified),
    },
  };
}
export type Figures = ReturnType<typeof figuresOf>;
