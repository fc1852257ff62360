// Demo opening hours: every window group that serves a bookable item opens Monday–Friday
// 9:00–17:00 with a lunch break, 30-minute slots of 3 seats. Created only when absent, so an
// admin's changes survive a second run.
import { ScheduleModel } from '../models/schedule.ts';
import { windowGroupOf } from '../services/booking/window-group.ts';
import { isDuplicateKey } from '../server/mongo-errors.ts';

interface SeedItem {
  windows: string[];
  onlineBooking?: boolean;
}
interface SeedWindow {
  code: string;
  department: string;
}

const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00', lunchStart: '12:00', lunchEnd: '13:30' }));

/** Creates the missing schedules; returns how many it created. */
export async function seedSchedules(items: readonly SeedItem[], windows: readonly SeedWindow[]): Promise<number> {
  const departmentOf = new Map(windows.map((w) => [w.code, w.department]));
  const groups = new Map<string, string[]>();
  for (const item of items) {
    if (item.onlineBooking === false || item.windows.length === 0) continue;
    groups.set(windowGroupOf(item.windows), [...item.windows].sort());
  }
  let created = 0;
  for (const [windowGroup, groupWindows] of groups) {
    if (await ScheduleModel.exists({ windowGroup })) continue;
    try {
      await ScheduleModel.create({
        windowGroup,
        windows: groupWindows,
        department: departmentOf.get(groupWindows[0]!),
        hours: WEEKDAY_HOURS,
        slotMinutes: 30,
        seatsPerSlot: 3,
      });
      created++;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return created;
}
