// Workbench fixtures: a booking dated from the test clock (the hall fixtures date from the real one).
import { config } from '../../server/config.ts';
import { zonedDate, zonedTime } from '../../services/calendar/zoned-time.ts';
import { buildAppointment } from '../hall/fixtures.ts';

/** A 30-minute booking of `itemCode` starting `startsInMinutes` after `now`. */
export function bookingAt(now: Date, startsInMinutes: number, itemCode: string, citizenId: string) {
  const startsAt = new Date(Math.floor((now.getTime() + startsInMinutes * 60_000) / 60_000) * 60_000);
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
  return buildAppointment(itemCode, citizenId, 0, {
    date: zonedDate(startsAt, config.TZ_NAME),
    start: zonedTime(startsAt, config.TZ_NAME),
    end: zonedTime(endsAt, config.TZ_NAME),
    startsAt,
    endsAt,
  });
}
