// Keeps slots generated for the rolling horizon. Idempotent: only slots missing by their unique
// key (window group, date, start) are inserted, so an existing slot — above all one with
// bookings — is never changed. Days of a year without calendar data are skipped.
// Regeneration after a schedule change deletes only slots nobody holds a seat in (booked: 0).
import { MongoBulkWriteError } from 'mongodb';
import { ScheduleModel } from '../../models/schedule.ts';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';
import { loadCalendar } from '../calendar/store.ts';
import { horizonDays, type WorkingDayCalendar } from '../calendar/working-days.ts';
import { zonedDate } from '../calendar/zoned-time.ts';
import { opensAtFor, planDaySlots, type SchedulePlan } from './slot-plan.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

export interface GenerationCounts {
  [key: string]: number;
  schedules: number;
  days: number;
  created: number;
}

/** Generates missing slots of every active schedule (or of one window group) up to the horizon. */
export async function generateSlots(now: Date, windowGroup?: string): Promise<GenerationCounts> {
  const calendar = await loadCalendar();
  const today = zonedDate(now, config.TZ_NAME);
  const { days } = horizonDays(calendar, today, config.SLOT_HORIZON_WORKING_DAYS);
  // Same-day booking: today's slots that have not started yet (the seat filter still closes each one in time).
  if (config.SAME_DAY_BOOKING && calendar.status(today) === 'working') days.unshift(today);
  const schedules = await ScheduleModel.find({ active: true, ...(windowGroup ? { windowGroup } : {}) })
    .limit(5000)
    .lean();
  let created = 0;
  for (const schedule of schedules) created += await insertMissingSlots(schedule, days, calendar, now);
  return { schedules: schedules.length, days: days.length, created };
}

async function insertMissingSlots(schedule: SchedulePlan, days: string[], calendar: WorkingDayCalendar, now: Date): Promise<number> {
  const existing = await SlotModel.find({ windowGroup: schedule.windowGroup, date: { $in: days } }, { date: 1, start: 1 }).lean();
  const have = new Set(existing.map((s) => `${s.date} ${s.start}`));
  const missing = [];
  for (const date of days) {
    const opensAt = opensAtOrNow(date, calendar, now);
    for (const slot of planDaySlots(schedule, date, config.TZ_NAME)) {
      if (slot.startsAt <= now || have.has(`${slot.date} ${slot.start}`)) continue;
      missing.push({ ...slot, booked: 0, remaining: slot.capacity, opensAt, status: 'open', createdAt: now, updatedAt: now });
    }
  }
  return insertIgnoringDuplicates(missing);
}

/**
 * Inserts slots; one that another instance inserted meanwhile is a duplicate key and skipped.
 * (Plain inserts rather than upserts: FerretDB 1.24 hangs on an upsert with $setOnInsert that
 * matches an existing document.)
 */
async function insertIgnoringDuplicates(slots: Record<string, unknown>[]): Promise<number> {
  if (slots.length === 0) return 0;
  try {
    return (await SlotModel.collection.insertMany(slots, { ordered: false })).insertedCount;
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const failures = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (!failures.every(isDuplicateKey)) throw error;
    return error.insertedCount;
  }
}

function opensAtOrNow(date: string, calendar: WorkingDayCalendar, now: Date): Date {
  try {
    return opensAtFor(date, calendar, config.SLOT_HORIZON_WORKING_DAYS, config.SLOT_RELEASE_TIME, config.TZ_NAME);
  } catch {
    return now; // only when the horizon reaches back into a year without data
  }
}

/** Removes the future slots of a window group that nobody has booked, then generates anew. */
export async function regenerateWindowGroup(windowGroup: string, now: Date): Promise<{ removed: number; created: number }> {
  const removed = await deleteEmptySlots({ windowGroup, startsAt: { $gt: now } });
  const { created } = await generateSlots(now, windowGroup);
  return { removed, created };
}

/**
 * Deletes the slots matching `filter` that hold no seat; returns how many. The counter decides,
 * per document and atomically: a booking whose seat $inc lands first keeps its slot, and one that
 * comes after finds no slot (NOT_FOUND), so no booking ever points at a missing slot.
 */
export async function deleteEmptySlots(filter: { startsAt: { $gt: Date }; windowGroup?: string; date?: string }): Promise<number> {
  return (await SlotModel.deleteMany({ ...filter, booked: 0 })).deletedCount;
}
