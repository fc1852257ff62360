// The demo's activity (bookings, queue, cases, payments, ratings) for today and the 30 working
// days before, dated relative to `now`. Every _id is derived from (date, sequence), so a second
// load inserts nothing and changes nothing.
import { CitizenModel } from '../../models/citizen.ts';
import { ItemModel } from '../../models/item.ts';
import { ScheduleModel } from '../../models/schedule.ts';
import { StaffModel } from '../../models/staff.ts';
import { WindowModel } from '../../models/window.ts';
import { config } from '../../server/config.ts';
import { logger } from '../../server/logger.ts';
import { windowGroupOf } from '../../services/booking/window-group.ts';
import { loadCalendar } from '../../services/calendar/store.ts';
import { zonedDate } from '../../services/calendar/zoned-time.ts';
import { loadBookingDay, type DemoItem } from './bookings.ts';
import { loadCaseDay, type CaseItem } from './cases.ts';
import { activityDays, at, demoCitizen, insertNew, workingDayTest } from './kit.ts';

const PAST_WORKING_DAYS = 30;
const POOL_SIZE = 1500;

export interface ActivityReport {
  [key: string]: number;
  days: number;
  appointments: number;
  tickets: number;
  applications: number;
  payments: number;
  evaluations: number;
  rectifications: number;
}

export async function seedActivity(now: Date): Promise<ActivityReport> {
  const today = zonedDate(now, config.TZ_NAME);
  const isWorking = workingDayTest(await loadCalendar());
  const days = activityDays(isWorking, today, PAST_WORKING_DAYS);
  const [items, windows, schedules, staff] = await Promise.all([
    ItemModel.find({ published: true }).lean(),
    WindowModel.find({}).lean(),
    ScheduleModel.find({ active: true }).lean(),
    StaffModel.find({}, { username: 1, department: 1, role: 1 }).lean(),
  ]);
  const hallOf = new Map(windows.map((w) => [w.code, w.hallCode]));
  const demoItems: DemoItem[] = items
    .filter((i) => i.windows.length > 0)
    .map((i) => ({
      code: i.code,
      department: i.department,
      windowGroup: windowGroupOf(i.windows),
      windows: [...i.windows].sort(),
      hallCode: hallOf.get(i.windows[0]!) ?? 'HALL1',
      bookable: i.onlineBooking !== false,
    }));
  const caseItems: CaseItem[] = items
    .filter((i) => i.onlinePreReview)
    .map((i) => ({
      code: i.code,
      name: i.name,
      department: i.department,
      promisedDays: i.caseType === 'immediate' ? 0 : i.promisedLimitDays,
      feeFen: i.fee?.charged ? i.fee.items.reduce((sum, f) => sum + f.amountFen, 0) : 0,
      firstMaterial: i.materials[0]?.name ?? '申请材料',
    }));
  const admins = new Map(staff.filter((s) => s.role === 'dept_admin').map((s) => [s.department ?? '', String(s._id)]));
  const staffOf = (department: string) => admins.get(department) ?? 'demo-staff';
  const poolCreated = at(days[0]!, '08:00');
  const pool = Array.from({ length: POOL_SIZE }, (_, i) => demoCitizen(`pool:${i}`, days[0]!, poolCreated));
  const report: ActivityReport = {
    days: days.length,
    appointments: 0,
    tickets: 0,
    applications: 0,
    payments: 0,
    evaluations: 0,
    rectifications: 0,
    citizens: await insertNew(
      CitizenModel.collection,
      pool.map((c) => c.doc),
    ),
  };
  const plans = new Map(schedules.map((s) => [s.windowGroup, s]));
  for (const date of days) {
    const booked = await loadBookingDay(date, now, demoItems, plans, pool);
    const cases = caseItems.length ? await loadCaseDay(date, now, caseItems, pool, isWorking, staffOf) : {};
    for (const [key, value] of Object.entries({ ...booked, ...cases })) report[key] = (report[key] ?? 0) + value;
  }
  logger.info(report, 'demo activity loaded');
  return report;
}
