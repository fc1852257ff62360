// Request schemas of the calendar and schedule admin routes.
import { z } from 'zod';
import { CALENDAR_DAY_KINDS } from '../../models/calendar-day.ts';
import { PageQuery } from '../../server/pagination.ts';
import { isCalendarDate } from '../../services/calendar/zoned-time.ts';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
export const DateString = z.string().refine(isCalendarDate, '日期格式应为 YYYY-MM-DD');

export const HolidayListQuery = PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const HolidayInput = z.object({ date: DateString, kind: z.enum(CALENDAR_DAY_KINDS), name: z.string().trim().max(60).default('') });
export const HolidayPatch = HolidayInput.omit({ date: true });
export const DateParams = z.object({ date: DateString });
export const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const ConfirmYearBody = z.object({ note: z.string().trim().max(200).default('') });
const FestivalArrangement = z
  .object({
    name: z.string().trim().min(1).max(20),
    holidays: z.array(z.string().trim().max(21)).max(40),
    workingDays: z.array(z.string().trim().max(10)).max(10).default([]),
  })
  .strict();
export const YearImportBody = z
  .object({ note: z.string().trim().max(200).default(''), festivals: z.array(FestivalArrangement).min(1).max(20) })
  .strict()
  .openapi({
    example: {
      note: '国办发明电〔2026〕X号',
      festivals: [
        { name: '元旦', holidays: ['2027-01-01/2027-01-03'], workingDays: [] },
        { name: '春节', holidays: ['2027-02-06/2027-02-13'], workingDays: ['2027-02-14', '2027-02-20'] },
      ],
    },
  });
export const YearImportResult = z.object({
  year: z.number().int(),
  holidays: z.number().int(),
  workingDays: z.number().int(),
  note: z.string(),
  keptLocal: z.array(z.string()),
  confirmedAt: z.string(),
  slots: z.object({ removed: z.number().int(), closed: z.number().int(), reopened: z.number().int(), created: z.number().int() }),
});

const WeekdayHours = z.object({
  weekday: z.number().int().min(1).max(7),
  open: Time,
  close: Time,
  lunchStart: Time.nullable().optional(),
  lunchEnd: Time.nullable().optional(),
});
export const ScheduleInput = z.object({
  windows: z.array(z.string().trim().min(1).max(32)).min(1).max(20),
  hours: z.array(WeekdayHours).max(7),
  slotMinutes: z.number().int().min(5).max(240),
  seatsPerSlot: z.number().int().min(1).max(1000),
  active: z.boolean().default(true),
});
export const SchedulePatch = ScheduleInput.omit({ windows: true }).partial();
export const ScheduleListQuery = PageQuery.extend({ department: z.string().trim().max(32).optional() });
export const IdParams = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, '无效的编号') });
