// Workbench fixtures: a booking dated from the test clock (the hall fixtures date from a daytime
// one), a Tuesday to run on, and small page helpers over the CDP page.
import { config } from '../../server/config.ts';
import { zonedDate, zonedTime } from '../../services/calendar/zoned-time.ts';
import { buildAppointment } from '../hall/fixtures.ts';
import type { InputPage } from '../screens/chromium.ts';

// A Tuesday morning in the center's zone; a case's 5 working days end the next Tuesday.
export const NOW = new Date('2026-03-10T09:20:00+08:00');
export const DEADLINE = '2026-03-17';

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

export const text = (page: InputPage, selector: string) => page.evaluate<string>(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`);
export const click = (page: InputPage, selector: string) =>
  page.evaluate<boolean>(`(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return false; e.click(); return true; })()`);
/** Waits until `selector` matches an element whose text includes `wanted`. */
export const waitText = (page: InputPage, selector: string, wanted: string) =>
  page.waitFor<boolean>(`[...document.querySelectorAll(${JSON.stringify(selector)})].some((e) => e.textContent.includes(${JSON.stringify(wanted)}))`);
/** No panel may need horizontal scrolling on a 1366-pixel-wide window PC. */
export const fitsWidth = (page: InputPage) => page.evaluate<boolean>('document.documentElement.scrollWidth <= 1366');
