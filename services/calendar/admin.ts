// Admin changes to the calendar (local closures, extra working days, confirmed years), each
// audited and applied to the slots at once: a day that stops being a working day loses its
// empty slots and has its booked ones closed; a day that becomes one gets its slots.
import { CalendarDayModel, CalendarYearModel } from '../../models/calendar-day.ts';
import { SlotModel } from '../../models/slot.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { deleteEmptySlots, generateSlots } from '../booking/slot-generation.ts';
import { loadCalendar } from './store.ts';

export interface Actor {
  actor: StaffPrincipal;
  requestId?: string;
}

export interface DayInput {
  date: string;
  kind: 'closure' | 'extra_working_day';
  name: string;
}

const present = (day: { date: string; kind: string; name?: string | null }) => ({ date: day.date, kind: day.kind, name: day.name ?? '' });

/** Adds an entry for a date that has none; 409 CALENDAR_DAY_EXISTS otherwise. */
export async function createCalendarDay(input: DayInput, { actor, requestId }: Actor, now = new Date()) {
  if (await CalendarDayModel.exists({ date: input.date })) throw conflict('CALENDAR_DAY_EXISTS', '该日期已有设置', { date: input.date });
  const day = present((await CalendarDayModel.create(input)).toObject());
  await recordAudit({ actor, action: 'create', entity: 'calendar_day', entityId: input.date, after: day, requestId });
  return { ...day, slots: await applyDatesToSlots([input.date], now) };
}

/** Changes the entry of a date. */
export async function updateCalendarDay(input: DayInput, { actor, requestId }: Actor, now = new Date()) {
  const before = await CalendarDayModel.findOneAndUpdate({ date: input.date }, { $set: { kind: input.kind, name: input.name } }).lean();
  if (!before) throw notFound('日历设置');
  await recordAudit({ actor, action: 'update', entity: 'calendar_day', entityId: input.date, before: present(before), after: input, requestId });
  return { ...present(input), slots: await applyDatesToSlots([input.date], now) };
}

/** Removes the entry of a date (the official calendar applies again). */
export async function deleteCalendarDay(date: string, { actor, requestId }: Actor, now = new Date()) {
  const before = await CalendarDayModel.findOneAndDelete({ date }).lean();
  if (!before) throw notFound('日历设置');
  await recordAudit({ actor, action: 'delete', entity: 'calendar_day', entityId: date, before: present(before), requestId });
  return { date, slots: await applyDatesToSlots([date], now) };
}

/** Confirms a year without official data: its dates follow Monday–Friday plus the admin entries. */
export async function confirmYear(year: number, note: string, { actor, requestId }: Actor, now = new Date()) {
  const after = { year, confirmedBy: actor.id, confirmedAt: now, note };
  await CalendarYearModel.updateOne({ year }, { $set: after }, { upsert: true });
  await recordAudit({ actor, action: 'confirm', entity: 'calendar_year', entityId: String(year), after, requestId });
  const generated = await generateSlots(now);
  return { year, confirmedBy: actor.id, confirmedAt: now.toISOString(), note, slotsCreated: generated.created };
}

/** Withdraws a confirmation; slots already generated for that year stay. */
export async function withdrawYear(year: number, { actor, requestId }: Actor) {
  const before = await CalendarYearModel.findOneAndDelete({ year }).lean();
  if (!before) throw notFound('年度确认');
  await recordAudit({ actor, action: 'delete', entity: 'calendar_year', entityId: String(year), before, requestId });
}

/**
 * Brings the future slots of `dates` in line with the calendar: on a working day closed slots
 * reopen and missing ones are generated; otherwise empty slots go and booked ones are closed
 * (their bookings stay, for staff to contact the citizens).
 */
export async function applyDatesToSlots(dates: string[], now: Date): Promise<{ removed: number; closed: number; reopened: number; created: number }> {
  const calendar = await loadCalendar();
  const counts = { removed: 0, closed: 0, reopened: 0, created: 0 };
  let working = false;
  for (const date of dates) {
    const future = { date, startsAt: { $gt: now } };
    if (calendar.status(date) === 'working') {
      working = true;
      counts.reopened += (await SlotModel.updateMany({ ...future, status: 'closed' }, { $set: { status: 'open' } })).modifiedCount;
    } else {
      counts.removed += await deleteEmptySlots(future);
      counts.closed += (await SlotModel.updateMany({ ...future, status: 'open' }, { $set: { status: 'closed' } })).modifiedCount;
    }
  }
  if (working) counts.created = (await generateSlots(now)).created;
  return counts;
}
