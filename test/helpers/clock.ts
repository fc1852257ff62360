// Clocks for tests: fixed-window counters (rate limits, the login lockout), and files whose
// fixtures are dated relative to "now" (a booking five minutes ago, one tomorrow).
import { config } from '../../server/config.ts';
import { zonedDate, zonedInstant } from '../../services/calendar/zoned-time.ts';

/**
 * Real time, shifted so that the calling test file starts `into` ms into a fixed window of
 * `windowMs` (windows are aligned to the epoch, as services/rate-limit/counter.ts cuts them):
 * the counts a file makes then never straddle two windows, however slowly a loaded machine runs it.
 * The window is the next one, ahead of real time: a file's counts then fall in windows that no
 * other file's real-time requests share.
 */
export function clockInsideWindow(windowMs: number, into = 60_000): () => Date {
  const now = Date.now();
  const shift = now - ((Math.floor(now / windowMs) + 1) * windowMs + into);
  return () => new Date(Date.now() - shift);
}

/**
 * Real time, shifted so that the calling test file starts at `time` in the center's zone on the
 * real date: whatever the hour the suite runs at, "five minutes ago" and "in three hours" fall
 * on the same day, and no file runs across midnight. The date stays today's, so the file still
 * runs on whatever day of whatever year it is. Give the same clock to the app and to every
 * fixture and job run of the file.
 */
export function daytimeClock(time = '10:00'): () => Date {
  const realNow = new Date();
  const shift = realNow.getTime() - zonedInstant(zonedDate(realNow, config.TZ_NAME), time, config.TZ_NAME).getTime();
  return () => new Date(Date.now() - shift);
}

/**
 * This test file's daytime clock (each file runs in a process of its own): the one clock that a
 * file's app (startTestApp({ clock: fileClock })), fixtures and job runs share.
 */
export const fileClock = daytimeClock();
