// Fixtures of the booking tests: a bookable item with its window group, slots inserted
// directly (so a test controls opening, start and seats), verified citizens. Slots are dated
// from fileClock, which the booking tests also give their app.
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel } from '../../models/appointment.ts';
import { SlotModel } from '../../models/slot.ts';
import { bookAppointment } from '../../services/booking/book.ts';
import { config } from '../../server/config.ts';
import { windowGroupOf } from '../../services/booking/window-group.ts';
import { addDays, zonedDate, zonedInstant, zonedTime } from '../../services/calendar/zoned-time.ts';
import { testCaches } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildCitizen, buildDepartment, buildItem, buildWindow } from '../helpers/factories.ts';

const HOUR_MS = 3600_000;
let slotCounter = 0;

/** An item bookable online, served by one new window. */
export async function buildBookableItem(overrides: Record<string, unknown> = {}) {
  const department = (await buildDepartment()).code;
  const window = (await buildWindow(department)).code;
  const item = await buildItem({ department, windows: [window], onlineBooking: true, ...overrides });
  return { code: item.code, department, window, windowGroup: windowGroupOf([window]) };
}

/** A slot of `windowGroup`; by default released, open, starting in two days, 3 seats. */
export async function buildSlot(windowGroup: string, overrides: { startsAt?: Date; capacity?: number; opensAt?: Date; status?: 'open' | 'closed' } = {}) {
  slotCounter += 1;
  // Two days ahead at 09:00 plus distinct minutes: same date, unique (windowGroup, date, start).
  const day = addDays(zonedDate(fileClock(), config.TZ_NAME), 2);
  const startsAt = overrides.startsAt ?? new Date(zonedInstant(day, '09:00', config.TZ_NAME).getTime() + slotCounter * 60_000);
  const capacity = overrides.capacity ?? 3;
  const slot = await SlotModel.create({
    windowGroup,
    date: zonedDate(startsAt, config.TZ_NAME),
    start: zonedTime(startsAt, config.TZ_NAME),
    end: zonedTime(new Date(startsAt.getTime() + 30 * 60_000), config.TZ_NAME),
    startsAt,
    endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    capacity,
    booked: 0,
    remaining: capacity,
    opensAt: overrides.opensAt ?? new Date(fileClock().getTime() - HOUR_MS),
    status: overrides.status ?? 'open',
  });
  return { id: String(slot._id), date: slot.date, start: slot.start, startsAt };
}

export const verifiedCitizen = () => buildCitizen({ verified: true });

/** Headers with an Idempotency-Key. */
export const idem = (key: string) => ({ 'Idempotency-Key': key });

/** Seats held by active bookings of a slot (the truth), as booked/remaining. */
export async function slotState(id: string) {
  const slot = await SlotModel.findById(id).lean();
  const booked = await AppointmentModel.countDocuments({ slotId: id, status: { $in: ACTIVE_APPOINTMENT_STATUSES } });
  return { booked, remaining: slot!.capacity - booked };
}

/** The slot's stored copy of its counts. */
export async function storedCounts(id: string) {
  const slot = await SlotModel.findById(id).lean();
  return { booked: slot!.booked, remaining: slot!.remaining };
}

/** Books `count` seats of a slot for new citizens straight through the service. */
export async function fillSeats(slotId: string, itemCode: string, count: number) {
  for (let n = 0; n < count; n += 1) {
    const citizen = await verifiedCitizen();
    await bookAppointment({ citizenId: citizen.id, slotId, itemCode, now: fileClock() }, testCaches().catalogue.current());
  }
}
