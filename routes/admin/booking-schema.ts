// Request schemas of the calendar and schedule admin routes.
import { z } from 'zod';
import { CALENDAR_DAY_KINDS } from '../../models/calendar-day.ts';
import { PageQuery } from '../../server/pagination.ts';
import { isCalendarDate } from '../../services/calendar/zoned-time.ts';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
export const DateString = z.string().refine(isCalendarDate, '日期格式应为 YYYY-MM-DD');

export const HolidayListQuery = PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const HolidayFields = z.strictObject({ date: DateString, kind: z.enum(CALENDAR_DAY_KINDS), name: z.string().trim().max(60).default('') });
export const HolidayInput = HolidayFields.meta({ example: { date: '2026-07-15', kind: 'closure', name: '系统升级暂停办公' } });
export const HolidayPatch = HolidayFields.omit({ date: true }).meta({ example: { kind: 'extra_working_day', name: '集中办理日' } });
export const DateParams = z.object({ date: DateString });
export const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const ConfirmYearBody = z
  .strictObject({ note: z.string().trim().max(200).default('') })
  .meta({ example: { note: '已按国务院办公厅通知录入 2027 年放假与调休' } });
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
  .meta({
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

const WeekdayHours = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  open: Time,
  close: Time,
  lunchStart: Time.nullable().optional(),
  lunchEnd: Time.nullable().optional(),
});
const ScheduleFields = z.strictObject({
  windows: z.array(z.string().trim().min(1).max(32)).min(1).max(20),
  hours: z.array(WeekdayHours).max(7),
  slotMinutes: z.number().int().min(5).max(240),
  seatsPerSlot: z.number().int().min(1).max(1000),
  active: z.boolean().default(true),
});
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00', lunchStart: '12:00', lunchEnd: '13:30' }));
export const ScheduleInput = ScheduleFields.meta({
  example: { windows: ['GA-W01', 'GA-W02'], hours: weekdays, slotMinutes: 30, seatsPerSlot: 4, active: true },
});
export const SchedulePatch = ScheduleFields.omit({ windows: true })
  .partial()
  .meta({ example: { seatsPerSlot: 6 } });
export const ScheduleListQuery = PageQuery.extend({ department: z.string().trim().max(32).optional() });
export const IdParams = z.object({ id: z.string().regex(/^[0-9a-fA-F]{24}$/, '无效的编号') });

// Answers of the calendar and schedule admin routes (services/calendar/admin.ts,
// services/booking/schedules.ts).
const DayOut = z.object({ date: z.string(), kind: z.enum(CALENDAR_DAY_KINDS), name: z.string() });
/** What a calendar change did to the future slots of the date. */
const SlotsChanged = z.object({
  removed: z.number().int().describe('删除的空时段'),
  closed: z.number().int().describe('关闭的已有预约时段（预约保留，由窗口联系市民）'),
  reopened: z.number().int(),
  created: z.number().int(),
});
const ConfirmedYear = z.object({ year: z.number().int(), confirmedBy: z.string(), confirmedAt: z.string(), note: z.string() });
export const HolidayListOut = z.object({
  items: z.array(DayOut),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  officialYears: z.array(z.number().int()).describe('随版本发布的国务院放假安排覆盖的年度'),
  confirmedYears: z.array(ConfirmedYear),
  warnings: z.array(z.object({ code: z.literal('CALENDAR_YEAR_MISSING'), year: z.number().int(), message: z.string() })),
});
export const DayChangeOut = DayOut.extend({ slots: SlotsChanged });
export const DayRemovedOut = z.object({ date: z.string(), slots: SlotsChanged });
export const YearConfirmedOut = ConfirmedYear.extend({ slotsCreated: z.number().int() });

export const ScheduleOut = z.object({
  id: z.string(),
  windowGroup: z.string().describe('窗口组：排班覆盖的窗口编码，排序后以 + 连接'),
  windows: z.array(z.string()),
  department: z.string(),
  hours: z.array(
    z.object({ weekday: z.number().int(), open: z.string(), close: z.string(), lunchStart: z.string().nullable(), lunchEnd: z.string().nullable() }),
  ),
  slotMinutes: z.number().int(),
  seatsPerSlot: z.number().int(),
  active: z.boolean(),
});
/** What a schedule change did to the window group's future slots. */
const SlotsRegenerated = z.object({ removed: z.number().int(), created: z.number().int() });
export const ScheduleChangeOut = ScheduleOut.extend({ slots: SlotsRegenerated });
export const ScheduleDeletedOut = z.object({ slots: SlotsRegenerated });
