// Hotline deadlines in working time, from OneTrip's one working-day calendar (services/calendar):
// "N working days" ends at the close of office hours of the Nth working day after the day of
// receipt; "N working hours" counts only office hours of working days. A year without official
// holiday data is counted provisionally (Monday–Friday plus admin entries), like case deadlines.
import { config } from '../../server/config.ts';
import { loadOverrides } from '../calendar/store.ts';
import { createCalendar, type WorkingDayCalendar } from '../calendar/working-days.ts';
import { addDays, toMinutes, zonedDate, zonedInstant, zonedTime } from '../calendar/zoned-time.ts';

/** The calendar with the years around `from` vouched for, so a deadline can always be given. */
export async function deadlineCalendar(from: Date): Promise<WorkingDayCalendar> {
  const overrides = await loadOverrides();
  const year = Number(zonedDate(from, config.TZ_NAME).slice(0, 4));
  return createCalendar({ ...overrides, confirmedYears: new Set([...overrides.confirmedYears, year - 1, year, year + 1, year + 2]) });
}

export function officeHours(): { open: string; close: string } {
  const [open, close] = config.HOTLINE_OFFICE_HOURS.split('-') as [string, string];
  return { open, close };
}

/** The close of office hours of the `days`-th working day after the day of `from`. */
export function workingDaysAfter(calendar: WorkingDayCalendar, from: Date, days: number): Date {
  const date = calendar.addWorkingDays(zonedDate(from, config.TZ_NAME), days);
  return zonedInstant(date, officeHours().close, config.TZ_NAME);
}

/** `from` plus `hours` working hours: only office hours of working days count. */
export function workingHoursAfter(calendar: WorkingDayCalendar, from: Date, hours: number): Date {
  const tz = config.TZ_NAME;
  const { open, close } = officeHours();
  let remaining = Math.round(hours * 60);
  let date = zonedDate(from, tz);
  let minute = Math.max(toMinutes(zonedTime(from, tz)), toMinutes(open));
  for (let guard = 0; guard < 400; guard++) {
    if (calendar.isWorkingDay(date) && minute < toMinutes(close)) {
      const available = toMinutes(close) - minute;
      if (remaining <= available) return new Date(zonedInstant(date, open, tz).getTime() + (minute - toMinutes(open) + remaining) * 60_000);
      remaining -= available;
    }
    date = addDays(date, 1);
    minute = toMinutes(open);
  }
  throw new RangeError(`no office hours within 400 days of ${from.toISOString()}`);
}
