// Request numbers the citizen can quote: 12345-YYYYMMDD-000123, one atomic counter per day
// (models/counter.ts), and a unique index on the number as the last word. The counter is kept
// two years, far longer than the day it counts, so it is never reset.
import { bumpCounter } from '../../models/counter.ts';
import { config } from '../../server/config.ts';
import { retainUntil } from '../../server/retention.ts';
import { zonedDate } from '../calendar/zoned-time.ts';

const KEEP_MS = 2 * 366 * 24 * 3600_000;

export async function nextRequestNumber(now: Date): Promise<string> {
  const date = zonedDate(now, config.TZ_NAME);
  const seq = await bumpCounter(`hotline:${date}`, retainUntil(now, KEEP_MS));
  return `12345-${date.replaceAll('-', '')}-${String(seq).padStart(6, '0')}`;
}
