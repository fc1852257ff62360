// The business calendar date (YYYY-MM-DD in TZ_NAME) of an instant.
import { config } from '../../server/config.ts';
import { zonedDate } from '../calendar/zoned-time.ts';

/** `2026-09-30` for any instant of that day in TZ_NAME. */
export const businessDate = (instant: Date): string => zonedDate(instant, config.TZ_NAME);
