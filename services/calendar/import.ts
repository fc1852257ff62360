// Importing a year's official holiday arrangement (国务院办公厅关于某年部分节假日安排的通知) in one
// request: the days off and the make-up working days (调休上班) of each festival, as published.
// The year's earlier import is replaced, local entries (县庆, closures for works) are kept and
// win, and the year is confirmed, all in one transaction: several documents change together
// and two admins importing the same year at once is the only contention there can be.
import mongoose from 'mongoose';
import { CalendarDayModel, CalendarYearModel } from '../../models/calendar-day.ts';
import { validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor } from './admin.ts';
import { applyDatesToSlots } from './admin.ts';
import { addDays, daysBetween, isCalendarDate, isoWeekday } from './zoned-time.ts';

/** One festival of the notice: `holidays` are dates or ISO intervals `YYYY-MM-DD/YYYY-MM-DD`. */
export interface FestivalArrangement {
  name: string;
  holidays: string[];
  workingDays: string[];
}

export interface YearImport {
  year: number;
  note: string;
  festivals: FestivalArrangement[];
}

interface ImportedDay {
  date: string;
  kind: 'closure' | 'extra_working_day';
  name: string;
}

/** The dates of `2027-02-10` or `2027-02-10/2027-02-17` (inclusive), or null when malformed. */
export function expandDates(entry: string): string[] | null {
  const [from = '', to = from, extra] = entry.split('/');
  if (extra !== undefined || !isCalendarDate(from) || !isCalendarDate(to)) return null;
  const span = daysBetween(from, to);
  if (span < 0 || span > 31) return null;
  return Array.from({ length: span + 1 }, (_, n) => addDays(from, n));
}

/**
 * The calendar entries of an arrangement, or the problems found (field path → Chinese text):
 * dates outside the year, malformed dates, a make-up working day that is not a weekend, a date
 * listed twice.
 */
export function arrangementDays(year: number, festivals: FestivalArrangement[]): { days: ImportedDay[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const byDate = new Map<string, ImportedDay>();
  const add = (path: string, date: string, day: ImportedDay) => {
    if (!date.startsWith(`${year}-`)) problems[path] = `${date} 不在 ${year} 年内`;
    else if (byDate.has(date)) problems[path] = `${date} 重复出现`;
    else byDate.set(date, day);
  };
  festivals.forEach((festival, f) => {
    festival.holidays.forEach((entry, h) => {
      const dates = expandDates(entry);
      if (!dates) problems[`body.festivals.${f}.holidays.${h}`] = `无法识别的日期或区间：${entry}（应为 YYYY-MM-DD 或 YYYY-MM-DD/YYYY-MM-DD）`;
      else for (const date of dates) add(`body.festivals.${f}.holidays.${h}`, date, { date, kind: 'closure', name: `${festival.name}放假` });
    });
    festival.workingDays.forEach((date, w) => {
      const path = `body.festivals.${f}.workingDays.${w}`;
      if (!isCalendarDate(date)) problems[path] = `无法识别的日期：${date}`;
      else if (isoWeekday(date) <= 5) problems[path] = `${date} 是工作日，调休上班日应为周六或周日`;
      else add(path, date, { date, kind: 'extra_working_day', name: `${festival.name}调休上班` });
    });
  });
  return { days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)), problems };
}

/** Replaces the year's imported entries, confirms the year and brings its slots in line. */
export async function importYear(input: YearImport, { actor, requestId }: Actor, now = new Date()) {
  const { days, problems } = arrangementDays(input.year, input.festivals);
  if (Object.keys(problems).length) throw validationFailed(problems, '放假安排有误，请核对后重新导入');
  const yearRange = { $gte: `${input.year}-01-01`, $lte: `${input.year}-12-31` };
  const { previous, kept } = await mongoose.connection.transaction(async (session) => {
    const before = await CalendarDayModel.find({ date: yearRange }, { date: 1, kind: 1, name: 1, source: 1 }).session(session).lean();
    await CalendarDayModel.deleteMany({ date: yearRange, source: 'official_import' }, { session });
    const local = new Set(before.filter((d) => d.source !== 'official_import').map((d) => d.date));
    const fresh = days.filter((d) => !local.has(d.date)).map((d) => ({ ...d, source: 'official_import' as const }));
    if (fresh.length) await CalendarDayModel.insertMany(fresh, { session });
    await CalendarYearModel.updateOne({ year: input.year }, { $set: { confirmedBy: actor.id, confirmedAt: now, note: input.note } }, { upsert: true, session });
    return { previous: before.filter((d) => d.source === 'official_import'), kept: days.filter((d) => local.has(d.date)).map((d) => d.date) };
  });
  const changed = new Set([...previous.map((d) => d.date), ...days.map((d) => d.date)]);
  const after = {
    holidays: days.filter((d) => d.kind === 'closure').length,
    workingDays: days.filter((d) => d.kind === 'extra_working_day').length,
    note: input.note,
  };
  await recordAudit(
    { actor, action: 'import', entity: 'calendar_year', entityId: String(input.year), before: { imported: previous.length }, after, requestId },
    now,
  );
  return { year: input.year, ...after, keptLocal: kept, confirmedAt: now.toISOString(), slots: await applyDatesToSlots([...changed].sort(), now) };
}
