// The pure working-day calendar: official national holidays and make-up workdays (调休) from
// the chinese-days package, plus admin overrides passed in as data. A date of a year without
// official data and without an admin's confirmation is 'unknown': we refuse to guess, because
// holiday packages silently treat a missing year as plain Monday–Friday.
import { createRequire } from 'node:module';
import { addDays, daysBetween, isoWeekday } from './zoned-time.ts';

export type DayStatus = 'working' | 'off' | 'unknown';

/** The national calendar: days off and make-up workdays, and the years it covers. */
export interface OfficialCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  years: ReadonlySet<number>;
}

/** What admins entered: local closures, extra working days, years they confirmed. */
export interface CalendarOverrides {
  closures: ReadonlySet<string>;
  extraWorkingDays: ReadonlySet<string>;
  confirmedYears: ReadonlySet<number>;
}

export const NO_OVERRIDES: CalendarOverrides = { closures: new Set(), extraWorkingDays: new Set(), confirmedYears: new Set() };

/** Thrown when an answer would need a day of a year nobody has vouched for. */
export class CalendarGapError extends Error {
  constructor(readonly date: string) {
    super(`no official or confirmed calendar data for ${date.slice(0, 4)} (asked about ${date})`);
    this.name = 'CalendarGapError';
  }
}

const require = createRequire(import.meta.url);

/** The package's data; the covered years are the years that have any holiday entry. */
export function officialCalendar(): OfficialCalendar {
  const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const holidays = new Set(Object.keys(data.holidays));
  return { holidays, workdays: new Set(Object.keys(data.workdays)), years: new Set([...holidays].map((d) => Number(d.slice(0, 4)))) };
}

export interface WorkingDayCalendar {
  status(date: string): DayStatus;
  /** True on a working day; throws CalendarGapError for a year without data. */
  isWorkingDay(date: string): boolean;
  /** The Nth working day after `date` (which does not count); throws CalendarGapError across a gap. */
  addWorkingDays(date: string, n: number): string;
  /** The Nth working day before `date` (which does not count). */
  subtractWorkingDays(date: string, n: number): string;
  /** True when dates of `year` can be answered. */
  knowsYear(year: number): boolean;
}

// A generous bound: no run of days off in China comes near it.
const MAX_DAYS_WITHOUT_WORK = 60;

/** Builds the calendar from official data and admin overrides. Admin entries win over official ones. */
export function createCalendar(overrides: CalendarOverrides, official: OfficialCalendar = defaultOfficial()): WorkingDayCalendar {
  const knowsYear = (year: number) => official.years.has(year) || overrides.confirmedYears.has(year);
  const status = (date: string): DayStatus => {
    if (overrides.closures.has(date)) return 'off';
    if (overrides.extraWorkingDays.has(date)) return 'working';
    if (!knowsYear(Number(date.slice(0, 4)))) return 'unknown';
    if (official.holidays.has(date)) return 'off';
    if (official.workdays.has(date)) return 'working';
    return isoWeekday(date) <= 5 ? 'working' : 'off';
  };
  const isWorkingDay = (date: string) => {
    const answer = status(date);
    if (answer === 'unknown') throw new CalendarGapError(date);
    return answer === 'working';
  };
  const step = (date: string, n: number, direction: 1 | -1) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working-day count must be a whole number ≥ 0, got ${n}`);
    let current = date;
    let found = 0;
    let sinceLastWorkday = 0;
    while (found < n) {
      current = addDays(current, direction);
      if (isWorkingDay(current)) {
        found += 1;
        sinceLastWorkday = 0;
      } else if (++sinceLastWorkday > MAX_DAYS_WITHOUT_WORK) {
        throw new RangeError(`no working day within ${MAX_DAYS_WITHOUT_WORK} days of ${current}`);
      }
    }
    return current;
  };
  return {
    status,
    isWorkingDay,
    addWorkingDays: (date, n) => step(date, n, 1),
    subtractWorkingDays: (date, n) => step(date, n, -1),
    knowsYear,
  };
}

let cachedOfficial: OfficialCalendar | undefined;
function defaultOfficial(): OfficialCalendar {
  cachedOfficial ??= officialCalendar();
  return cachedOfficial;
}

/** The known days among the next `horizon` working days after `today`, stopping at the first unknown day. */
export function horizonDays(calendar: WorkingDayCalendar, today: string, horizon: number): { days: string[]; gapAt: string | null } {
  const days: string[] = [];
  let current = today;
  for (let seen = 0; days.length < horizon && seen < horizon * 3 + MAX_DAYS_WITHOUT_WORK; seen += 1) {
    current = addDays(current, 1);
    const answer = calendar.status(current);
    if (answer === 'unknown') return { days, gapAt: current };
    if (answer === 'working') days.push(current);
  }
  return { days, gapAt: null };
}

export interface CalendarWarning {
  code: 'CALENDAR_YEAR_MISSING';
  year: number;
  message: string;
}

/**
 * Warnings for admins: a year without data that the slot horizon reaches within `leadDays`
 * (the horizon end is the last known working day of the horizon, or the gap itself).
 */
export function calendarWarnings(calendar: WorkingDayCalendar, today: string, horizon: number, leadDays = 60): CalendarWarning[] {
  const { days, gapAt } = horizonDays(calendar, today, horizon);
  const horizonEnd = gapAt ?? days.at(-1) ?? today;
  const warnings: CalendarWarning[] = [];
  for (let year = Number(today.slice(0, 4)); year <= Number(horizonEnd.slice(0, 4)) + 1; year += 1) {
    if (calendar.knowsYear(year)) continue;
    const daysUntil = daysBetween(horizonEnd, `${year}-01-01`);
    if (daysUntil > leadDays) continue;
    warnings.push({
      code: 'CALENDAR_YEAR_MISSING',
      year,
      message: `${year}年的法定节假日安排尚未录入或确认；在管理员录入并确认前，${year}年的日期不会开放预约。`,
    });
  }
  return warnings;
}
