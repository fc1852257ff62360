// booking-storm: 1,000 distinct citizens book at once into 20 slots of 25 seats through the
// HTTP API (exactly 500 must succeed), against a raw driver loop doing the seat operations on
// the same database in the same run. Prints the figures and writes bench/results/booking-storm.json.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel } from '../models/appointment.ts';
import { CitizenModel } from '../models/citizen.ts';
import { createApp } from '../server/app.ts';
import { signToken } from '../server/auth/tokens.ts';
import { connectDatabase } from '../server/db.ts';
import { apiRequest, startTestCaches } from '../test/helpers/app.ts';
import { buildBookableItem, buildSlot } from '../test/booking/fixtures.ts';
import { rawSeatLoops } from './raw-seat-loop.ts';
import { isMain, report } from './lib.ts';

const CITIZENS = 1000;
const SLOTS = 20;
const SEATS = 25;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Runs the storm once and returns its figures. */
export async function run() {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run through scripts/test-db.ts');
  await connectDatabase(uri, `bench_storm_${process.pid}`);
  const caches = await startTestCaches();
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ caches }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const item = await buildBookableItem();
    const slots: { id: string }[] = [];
    for (let n = 0; n < SLOTS; n += 1) slots.push(await buildSlot(item.windowGroup, { capacity: SEATS }));
    const citizens = await CitizenModel.insertMany(Array.from({ length: CITIZENS }, (_, n) => ({ openid: `bench-${process.pid}-${n}`, verified: true })));
    const tokens = await Promise.all(citizens.map((c) => signToken({ kind: 'citizen', id: String(c._id) })));

    const latencies: number[] = [];
    const started = performance.now();
    const answers = await Promise.all(
      tokens.map(async (token, n) => {
        const t0 = performance.now();
        const res = await apiRequest(baseUrl, 'POST', '/api/v1/appointments', {
          token,
          body: { slotId: slots[n % SLOTS]!.id, itemCode: item.code },
          headers: { 'Idempotency-Key': `storm-${n}-${process.pid}` },
        });
        latencies.push(performance.now() - t0);
        return res.status;
      }),
    );
    const wallMs = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const successes = answers.filter((s) => s === 201).length;
    const slotFull = answers.filter((s) => s === 409).length;
    const held = await AppointmentModel.countDocuments({ status: { $in: ACTIVE_APPOINTMENT_STATUSES } });
    const raw = await rawSeatLoops(mongoose.connection.db!, CITIZENS, SLOTS, SEATS);
    const httpThroughput = CITIZENS / (wallMs / 1000);
    return {
      citizens: CITIZENS,
      slots: SLOTS,
      seatsPerSlot: SEATS,
      successes,
      refusedSlotFull: slotFull,
      otherAnswers: CITIZENS - successes - slotFull,
      bookingsStored: held,
      exact: successes === SLOTS * SEATS && held === SLOTS * SEATS,
      wallMs: round(wallMs),
      throughputPerSecond: round(httpThroughput),
      latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1)!) },
      raw: {
        conditionalUpdate: raw.conditionalUpdate,
        uniqueSeatInsert: raw.uniqueSeatInsert,
      },
      ratioToRawConditionalUpdate: round(httpThroughput / raw.conditionalUpdate.throughputPerSecond, 3),
      ratioToRawSeatInsert: round(httpThroughput / raw.uniqueSeatInsert.throughputPerSecond, 3),
      database: process.env.ONETRIP_TEST_DB_KIND ?? 'external',
      at: new Date().toISOString(),
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    caches.stop();
    await mongoose.connection.dropDatabase().catch(() => {});
    await mongoose.disconnect();
  }
}

if (isMain(import.meta.url)) {
  const figures = await run();
  report('booking-storm', figures);
  if (!figures.exact) process.exitCode = 1;
}
