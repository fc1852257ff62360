// Pure slot arithmetic: which slots a schedule gives on one date, and when a day opens.
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { fromMinutes, isoWeekday, toMinutes, zonedInstant } from '../calendar/zoned-time.ts';

export interface WeekdayHours {
  weekday: number;
  open: string;
  close: string;
  lunchStart?: string | null;
  lunchEnd?: string | null;
}

export interface SchedulePlan {
  windowGroup: string;
  hours: readonly WeekdayHours[];
  slotMinutes: number;
  seatsPerSlot: number;
}

export interface PlannedSlot {
  windowGroup: string;
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

/** The slots of `schedule` on `date`: whole slots inside the morning and afternoon sessions. */
export function planDaySlots(schedule: SchedulePlan, date: string, timeZone: string): PlannedSlot[] {
  const hours = schedule.hours.find((h) => h.weekday === isoWeekday(date));
  if (!hours) return [];
  const sessions: [number, number][] =
    hours.lunchStart && hours.lunchEnd
      ? [
          [toMinutes(hours.open), toMinutes(hours.lunchStart)],
          [toMinutes(hours.lunchEnd), toMinutes(hours.close)],
        ]
      : [[toMinutes(hours.open), toMinutes(hours.close)]];
  const slots: PlannedSlot[] = [];
  for (const [from, to] of sessions) {
    for (let start = from; start + schedule.slotMinutes <= to; start += schedule.slotMinutes) {
      const [startText, endText] = [fromMinutes(start), fromMinutes(start + schedule.slotMinutes)];
      slots.push({
        windowGroup: schedule.windowGroup,
        date,
        start: startText,
        end: endText,
        startsAt: zonedInstant(date, startText, timeZone),
        endsAt: zonedInstant(date, endText, timeZone),
        capacity: schedule.seatsPerSlot,
      });
    }
  }
  return slots;
}

/**
 * When the slots of `date` open: at the release time of the day on which `date` enters the
 * rolling horizon (the `horizon`-th working day before it). A pure function of the date, so
 * regenerating a day never moves its opening.
 */
export function opensAtFor(date: string, calendar: WorkingDayCalendar, horizon: number, releaseTime: string, timeZone: string): Date {
  return zonedInstant(calendar.subtractWorkingDays(date, horizon), releaseTime, timeZone);
}

/** Problems with a day's hours (times out of order, lunch outside opening hours). */
export function hoursProblems(hours: readonly WeekdayHours[]): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const h of hours) {
    if (seen.has(h.weekday)) problems.push(`星期${h.weekday}重复`);
    seen.add(h.weekday);
    const [open, close] = [toMinutes(h.open), toMinutes(h.close)];
    if (open >= close) problems.push(`星期${h.weekday}的开始时间须早于结束时间`);
    if (Boolean(h.lunchStart) !== Boolean(h.lunchEnd)) problems.push(`星期${h.weekday}的午休须同时给出开始和结束`);
    if (h.lunchStart && h.lunchEnd) {
      const [ls, le] = [toMinutes(h.lunchStart), toMinutes(h.lunchEnd)];
      if (!(open < ls && ls < le && le < close)) problems.push(`星期${h.weekday}的午休须在办公时间之内`);
    }
  }
  return problems;
}
