// The business calendar date (YYYY-MM-DD in TZ_NAME) of an instant.
import { config } from '../../server/config.ts';

/** `2026-09-30` for any instant of that day in TZ_NAME. */
export function businessDate(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: config.TZ_NAME, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
