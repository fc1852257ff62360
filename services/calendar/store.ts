// The calendar as the rest of OneTrip uses it: official data plus the admin entries read
// from the database. Reads are cheap (two small collections) and done per call, so a change
// made on another instance is seen at once.
import { CalendarDayModel, CalendarYearModel } from '../../models/calendar-day.ts';
import { config } from '../../server/config.ts';
import { CalendarGapError, calendarWarnings, createCalendar, type CalendarOverrides, type CalendarWarning, type WorkingDayCalendar } from './working-days.ts';
import { zonedDate } from './zoned-time.ts';

/** The admin overrides as data for the pure calendar. */
export async function loadOverrides(): Promise<CalendarOverrides> {
  const [days, years] = await Promise.all([CalendarDayModel.find({}, { date: 1, kind: 1 }).lean(), CalendarYearModel.find({}, { year: 1 }).lean()]);
  return {
    closures: new Set(days.filter((d) => d.kind === 'closure').map((d) => d.date)),
    extraWorkingDays: new Set(days.filter((d) => d.kind === 'extra_working_day').map((d) => d.date)),
    confirmedYears: new Set(years.map((y) => y.year)),
  };
}

/** The working-day calendar with the current admin entries. */
export async function loadCalendar(): Promise<WorkingDayCalendar> {
  return createCalendar(await loadOverrides());
}

/** "The Nth working day after `date`" for callers outside booking (deadlines of cases). */
export async function addWorkingDays(date: string, n: number): Promise<string> {
  return (await loadCalendar()).addWorkingDays(date, n);
}

export interface DeadlineDate {
  date: string;
  /** True when the count crossed a year without official data, counted as Monday–Friday plus admin entries. */
  provisional: boolean;
}

/**
 * The Nth working day after `date` for a deadline that must be set now (a case accepted in
 * December runs into a year the State Council has not published yet). Unlike slots, which
 * stay closed in such a year, a deadline is given provisionally and said to be so.
 */
export async function deadlineAfter(date: string, n: number): Promise<DeadlineDate> {
  const overrides = await loadOverrides();
  try {
    return { date: createCalendar(overrides).addWorkingDays(date, n), provisional: false };
  } catch (error) {
    if (!(error instanceof CalendarGapError)) throw error;
    const everyYear = { ...overrides, confirmedYears: new Set([...overrides.confirmedYears, ...yearsFrom(date, 3)]) };
    return { date: createCalendar(everyYear).addWorkingDays(date, n), provisional: true };
  }
}

const yearsFrom = (date: string, count: number) => Array.from({ length: count }, (_, i) => Number(date.slice(0, 4)) + i);

/** "Is `date` a working day"; throws CalendarGapError for a year without data. */
export async function isWorkingDay(date: string): Promise<boolean> {
  return (await loadCalendar()).isWorkingDay(date);
}

/** Today's warnings for admins (a year without data that the slot horizon is about to reach). */
export async function currentCalendarWarnings(now: Date): Promise<CalendarWarning[]> {
  return calendarWarnings(await loadCalendar(), zonedDate(now, config.TZ_NAME), config.SLOT_HORIZON_WORKING_DAYS);
}
