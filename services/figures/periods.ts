// Calendar periods of the figures: day, ISO week (Monday to Sunday), month, year.
import { addDays, isoWeekday } from '../calendar/zoned-time.ts';

export const PERIODS = ['day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** The first day of the period `date` falls in. */
export function periodStart(period: Period, date: string): string {
  if (period === 'day') return date;
  if (period === 'week') return addDays(date, 1 - isoWeekday(date));
  if (period === 'month') return `${date.slice(0, 7)}-01`;
  return `${date.slice(0, 4)}-01-01`;
}

/** The last day of the period starting at `start`. */
export function periodEnd(period: Period, start: string): string {
  if (period === 'day') return start;
  if (period === 'week') return addDays(start, 6);
  if (period === 'month') {
    const [y, m] = start.split('-').map(Number) as [number, number];
    return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
  }
  return `${start.slice(0, 4)}-12-31`;
}

/** The period's label: 2026-03-02, 2026-03-02 (its Monday), 2026-03, 2026. */
export function periodKey(period: Period, start: string): string {
  return period === 'month' ? start.slice(0, 7) : period === 'year' ? start.slice(0, 4) : start;
}
