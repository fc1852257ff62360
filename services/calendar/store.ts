// The calendar as the rest of OneTrip uses it: official data plus the admin entries read
// from the database. Reads are cheap (two small collections) and done per call, so a change
// made on another instance is seen at once.
import { CalendarDayModel, CalendarYearModel } from '../../models/calendar-day.ts';
import { config } from '../../server/config.ts';
import { calendarWarnings, createCalendar, type CalendarOverrides, type CalendarWarning, type WorkingDayCalendar } from './working-days.ts';
import { zonedDate } from './zoned-time.ts';

/** The admin overrides as data for the pure calendar. */
export async function loadOverrides(): Promise<CalendarOverrides> {
  const [days, years] = await Promise.all([
    CalendarDayModel.find({}, { date: 1, kind: 1 }).lean(),
    CalendarYearModel.find({}, { year: 1 }).lean(),
  ]);
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

/** "Is `date` a working day"; throws CalendarGapError for a year without data. */
export async function isWorkingDay(date: string): Promise<boolean> {
  return (await loadCalendar()).isWorkingDay(date);
}

/** Today's warnings for admins (a year without data that the slot horizon is about to reach). */
export async function currentCalendarWarnings(now: Date): Promise<CalendarWarning[]> {
  return calendarWarnings(await loadCalendar(), zonedDate(now, config.TZ_NAME), config.SLOT_HORIZON_WORKING_DAYS);
}
