// Hall fixtures: bookings created directly (the booking flow is tested elsewhere) at a time
// relative to now, in TZ_NAME. "Now" is fileClock, a daytime clock: a file that uses these
// fixtures gives it to its app (startTestApp({ clock: fileClock })) and its job runs.
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { AppointmentModel } from '../../models/appointment.ts';
import { config } from '../../server/config.ts';
import { zonedDate, zonedInstant, zonedTime } from '../../services/calendar/zoned-time.ts';
import { windowGroupOf } from '../../services/booking/window-group.ts';
import { testCaches } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';

/** A booking of `itemCode` whose slot starts `startsInMinutes` after fileClock's now and lasts 30 minutes (or until 23:59). */
export async function buildAppointment(itemCode: string, citizenId: string, startsInMinutes = 0, overrides: Record<string, unknown> = {}) {
  const guide = testCaches().catalogue.current().byCode.get(itemCode);
  if (!guide) throw new Error(`no item ${itemCode} in the catalogue`);
  const startsAt = new Date(Math.floor((fileClock().getTime() + startsInMinutes * 60_000) / 60_000) * 60_000);
  const date = zonedDate(startsAt, config.TZ_NAME);
  // A slot never runs past midnight: late at night the 30 minutes end at 23:59 of its day.
  const endsAt = new Date(Math.min(startsAt.getTime() + 30 * 60_000, zonedInstant(date, '23:59', config.TZ_NAME).getTime()));
  const appointment = await AppointmentModel.create({
    citizenId: new Types.ObjectId(citizenId),
    itemCode,
    department: guide.department.code,
    slotId: new Types.ObjectId(),
    windowGroup: windowGroupOf(guide.windows.map((w) => w.code)),
    date,
    start: zonedTime(startsAt, config.TZ_NAME),
    end: zonedTime(endsAt, config.TZ_NAME),
    startsAt,
    endsAt,
    checkInCode: randomBytes(6).toString('hex').toUpperCase(),
    ...overrides,
  });
  return appointment.toObject();
}
