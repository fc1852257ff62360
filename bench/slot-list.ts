// slot-list: 50 concurrent callers of GET /api/v1/items/:code/slots (the default range: 62 days)
// over 20 items, each with 14 working days of 13 slots among 3,640 slots, against a raw driver
// loop running the same indexed query (services/booking/slots.ts) on the same database in the
// same run. The app answers a list it read in the last SLOT_LIST_FRESH_MS from memory (as in
// production; the raw loop queries every time). Goals: throughput ≥ 0.7 × the raw loop's, p99 < 250 ms.
import mongoose from 'mongoose';
import { SlotModel } from '../models/slot.ts';
import { config } from '../server/config.ts';
import { createApp } from '../server/app.ts';
import { connectDatabase } from '../server/db.ts';
import { logger } from '../server/logger.ts';
import { slotsBetween } from '../services/booking/slots.ts';
import { addDays, zonedDate, zonedInstant } from '../services/calendar/zoned-time.ts';
import { buildBookableItem } from '../test/booking/fixtures.ts';
import { catalogueWritten, startTestCaches } from '../test/helpers/app.ts';
import { isMain, listen, percentiles, report, round, runGetLoad } from './lib.ts';

const ITEMS = 20;
const DAYS = 14;
const SLOTS_PER_DAY = 13;
const CALLERS = 50;
const REQUESTS = 3000;
const RANGE_DAYS = 62;

export async function run(): Promise<Record<string, unknown>> {
  await connectDatabase(process.env.MONGODB_URI!, `bench_slots_${process.pid}`);
  const caches = await startTestCaches();
  logger.level = 'warn';
  const items: Awaited<ReturnType<typeof buildBookableItem>>[] = [];
  for (let n = 0; n < ITEMS; n += 1) items.push(await buildBookableItem());
  const now = new Date();
  await SlotModel.insertMany(items.flatMap((item) => daySlots(item.windowGroup, now)));
  await catalogueWritten();
  const api = await listen(createApp({ caches }));
  const urls = items.map((item) => `${api.baseUrl}/api/v1/items/${item.code}/slots`);
  const sample = await (await fetch(urls[0]!)).json();
  const from = zonedDate(now, config.TZ_NAME);
  const to = addDays(from, RANGE_DAYS - 1);
  // The very query the service sends, through the driver alone.
  const rawQuery = (n: number) => {
    const { filter, ...options } = slotsBetween(items[n % ITEMS]!.windowGroup, from, to);
    return SlotModel.collection.find(filter, options).toArray();
  };

  // Warm-ups, the app's last so that the measured run starts as a busy minute goes on (its
  // lists kept); the first readers of a cold list wait for one query (its p50 is the raw p50).
  await rawLoop(500, rawQuery);
  await runGetLoad(urls, 500, CALLERS);
  const http = await runGetLoad(urls, REQUESTS, CALLERS);
  const raw = await rawLoop(REQUESTS, rawQuery);
  await api.close();
  caches.stop();
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  const ratio = round(http.throughput / raw.throughput);
  return {
    items: ITEMS,
    slotsStored: ITEMS * DAYS * SLOTS_PER_DAY,
    slotsPerAnswer: Array.isArray(sample) ? sample.length : 0,
    callers: CALLERS,
    slotListFreshMs: config.SLOT_LIST_FRESH_MS,
    http,
    raw,
    ratio,
    goals: { ratioAtLeast: 0.7, p99BelowMs: 250 },
    met: ratio >= 0.7 && http.p99 < 250,
  };
}

/** 13 slots on each of the next 14 days of `windowGroup`, released, a few full. */
function daySlots(windowGroup: string, now: Date) {
  const today = zonedDate(now, config.TZ_NAME);
  return Array.from({ length: DAYS * SLOTS_PER_DAY }, (_, n) => {
    const date = addDays(today, 1 + Math.floor(n / SLOTS_PER_DAY));
    const minutes = 9 * 60 + (n % SLOTS_PER_DAY) * 30;
    const start = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const end = `${String(Math.floor((minutes + 30) / 60)).padStart(2, '0')}:${String((minutes + 30) % 60).padStart(2, '0')}`;
    const full = n % 7 === 0;
    return {
      windowGroup,
      date,
      start,
      end,
      startsAt: zonedInstant(date, start, config.TZ_NAME),
      endsAt: zonedInstant(date, end, config.TZ_NAME),
      capacity: 3,
      booked: full ? 3 : 1,
      remaining: full ? 0 : 2,
      opensAt: new Date(now.getTime() - 3600_000),
      status: 'open',
    };
  });
}

/** `total` calls of `query`, `CALLERS` at a time, in this thread. */
async function rawLoop(total: number, query: (n: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const caller = async () => {
    while (issued < total) {
      const n = issued++;
      const t0 = performance.now();
      await query(n);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CALLERS }, caller));
  const seconds = (performance.now() - started) / 1000;
  return { requests: total, seconds: round(seconds), throughput: round(total / seconds), ...percentiles(latencies) };
}

if (isMain(import.meta.url)) {
  report('slot-list', await run());
  process.exit();
}
