// booking-storm: 1,000 distinct citizens book at once into 20 slots of 25 seats through the HTTP
// API — exactly 500 must be booked, else the bench fails — against a raw driver loop doing the
// same guarded seat $inc plus the appointment insert for the same 1,000 operations at the same
// concurrency, on the same database in the same run (raw-seat-loop.ts). The database operations
// the storm sent are counted per collection and method: the round-trip profile.
// The citizens come from STORM_ADDRESSES client addresses (default: one each, as phones at 8:00
// do), passed as X-Forwarded-For to an app that trusts its proxy, as production behind nginx.
// The per-IP rate limit counts one document per address, so STORM_ADDRESSES=1 (everyone behind
// one NAT) measures the worst case: 1,000 upserts of one hot counter document.
// Goals: throughput ≥ 0.8 × the raw loop's; p99 ≤ 1.3 × the raw loop's wall time. A second raw
// loop adds the reads and rate counts every booking must make (raw-seat-loop.ts): its ratio to the
// bare loop, `requiredChecksCeiling`, is as far as any booking path could get on this database.
import { Worker } from 'node:worker_threads';
import mongoose from 'mongoose';
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel } from '../models/appointment.ts';
import { CitizenModel } from '../models/citizen.ts';
import { SlotModel } from '../models/slot.ts';
import { createApp } from '../server/app.ts';
import { signToken } from '../server/auth/tokens.ts';
import { connectDatabase } from '../server/db.ts';
import { config } from '../server/config.ts';
import { logger } from '../server/logger.ts';
import { startTestCaches } from '../test/helpers/app.ts';
import { buildBookableItem, buildSlot } from '../test/booking/fixtures.ts';
import { fileClock } from '../test/helpers/clock.ts';
import { rawSeatLoop } from './raw-seat-loop.ts';
import { isMain, listen, percentiles, report, round, withDatabaseCpu } from './lib.ts';

const CITIZENS = 1000;
const SLOTS = 20;
const SEATS = 25;
const WARM_UP = 60;
const ADDRESSES = Math.max(1, Number(process.env.STORM_ADDRESSES ?? CITIZENS));

/** The n-th client's address, out of ADDRESSES. */
const addressOf = (n: number) => {
  const a = n % ADDRESSES;
  return `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}`;
};
/**
 * The warm-up's clients come from addresses of their own: sharing the storm's, their rate counts
 * of the same minute would be found again, and on SecantusDB a findOneAndUpdate that matches
 * scans the whole collection (about 12 ms at the storm's 2,000 counters; see the README).
 */
const warmUpAddressOf = (n: number) => `192.168.${(n >> 8) & 255}.${n & 255}`;

/** A phase's database CPU time per storm request (null off a local server). */
const perRequest = (ms: number | null) => (ms === null ? null : round(ms / CITIZENS));

/** Runs the storm once and returns its figures. */
export async function run(): Promise<Record<string, unknown>> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run through scripts/test-db.ts');
  await connectDatabase(uri, `bench_storm_${process.pid}`);
  const caches = await startTestCaches();
  // Request logging to stdout would be measured too; the raw loop logs nothing.
  logger.level = 'warn';
  config.TRUST_PROXY = true;
  // The fixtures date slots from the test files' daytime clock: the app and the raw loop use it too.
  const api = await listen(createApp({ caches, clock: fileClock }));
  try {
    const item = await buildBookableItem();
    const storm = await seatsAndCitizens(item.windowGroup, SLOTS, SEATS, CITIZENS);
    const warm = await seatsAndCitizens(item.windowGroup, 2, WARM_UP / 4, WARM_UP);
    const request = (slotIds: string[], address: (n: number) => string) => (token: string, n: number) => ({
      url: `${api.baseUrl}/api/v1/appointments`,
      headers: {
        Authorization: `Bearer ${token}`,
        'Idempotency-Key': `storm-${process.pid}-${slotIds.length}-${n}`,
        'X-Forwarded-For': address(n),
      },
      body: { slotId: slotIds[n % slotIds.length], itemCode: item.code },
    });
    await postLoad(warm.tokens.map(request(warm.slotIds, warmUpAddressOf)), WARM_UP);
    await rawSeatLoop(mongoose.connection.db!, await slotDocs(warm.slotIds), WARM_UP, fileClock());

    const rawSlots = await slotDocs(storm.slotIds);
    const raw = await rawSeatLoop(mongoose.connection.db!, rawSlots, CITIZENS, fileClock());
    const rawWithChecks = await rawSeatLoop(mongoose.connection.db!, rawSlots, CITIZENS, fileClock(), { checks: { addressOf } });
    const operations = new Map<string, number>();
    const count = (op: { collectionName: string; method: string }) =>
      operations.set(`${op.collectionName}.${op.method}`, (operations.get(`${op.collectionName}.${op.method}`) ?? 0) + 1);
    mongoose.connection.on('operation-start', count);
    const { result: http, databaseCpuMs: httpDatabaseMs } = await withDatabaseCpu(() =>
      postLoad(storm.tokens.map(request(storm.slotIds, addressOf)), CITIZENS),
    );
    mongoose.connection.off('operation-start', count);

    const booked = http.answers.filter((a) => a.status === 201).length;
    const refusals: Record<string, number> = {};
    for (const a of http.answers) if (a.status !== 201) refusals[a.code ?? a.status] = (refusals[a.code ?? a.status] ?? 0) + 1;
    const stored = await AppointmentModel.countDocuments({ slotId: { $in: storm.slotIds }, status: { $in: ACTIVE_APPOINTMENT_STATUSES } });
    const seatsLeft = (await SlotModel.find({ _id: { $in: storm.slotIds } }, { remaining: 1 }).lean()).reduce((n, s) => n + s.remaining, 0);
    const throughput = round(CITIZENS / (http.ms / 1000));
    const latency = percentiles(http.latencies);
    const ratios = { throughput: round(throughput / raw.throughputPerSecond), p99ToRawWall: round(latency.p99 / raw.ms) };
    const totalOps = [...operations.values()].reduce((a, b) => a + b, 0);
    return {
      citizens: CITIZENS,
      clientAddresses: ADDRESSES,
      slots: SLOTS,
      seatsPerSlot: SEATS,
      booked,
      refusals,
      bookingsStored: stored,
      seatsLeft,
      exact: booked === SLOTS * SEATS && stored === SLOTS * SEATS && seatsLeft === 0,
      http: { ms: Math.round(http.ms), throughputPerSecond: throughput, latencyMs: { ...latency, max: round(Math.max(...http.latencies)) } },
      raw,
      rawWithRequiredChecks: rawWithChecks,
      ratios: { ...ratios, requiredChecksCeiling: round(rawWithChecks.throughputPerSecond / raw.throughputPerSecond) },
      goals: { throughputRatioAtLeast: 0.8, p99ToRawWallAtMost: 1.3 },
      met: ratios.throughput >= 0.8 && ratios.p99ToRawWall <= 1.3,
      databaseOperations: {
        total: totalOps,
        perRequest: round(totalOps / CITIZENS),
        rawPerRequest: round((CITIZENS + raw.booked) / CITIZENS),
        byKind: Object.fromEntries([...operations].sort((a, b) => b[1] - a[1])),
      },
      // The database's own CPU time per request in each phase (null off a local server): the
      // throughput ratio cannot beat raw ÷ http where the database is what saturates.
      databaseCpuMsPerRequest: {
        http: perRequest(httpDatabaseMs),
        raw: perRequest(raw.databaseCpuMs),
        rawWithRequiredChecks: perRequest(rawWithChecks.databaseCpuMs),
      },
    };
  } finally {
    await api.close();
    caches.stop();
    await mongoose.connection.dropDatabase().catch(() => {});
    await mongoose.disconnect();
  }
}

/** `slots` open slots of `seats` seats and `citizens` verified citizens with their tokens. */
async function seatsAndCitizens(windowGroup: string, slots: number, seats: number, citizens: number) {
  const slotIds: string[] = [];
  for (let n = 0; n < slots; n += 1) slotIds.push((await buildSlot(windowGroup, { capacity: seats })).id);
  const stored = await CitizenModel.insertMany(Array.from({ length: citizens }, (_, n) => ({ openid: `bench-${process.pid}-${slots}-${n}`, verified: true })));
  return { slotIds, tokens: await Promise.all(stored.map((c) => signToken({ kind: 'citizen', id: String(c._id) }))) };
}

const slotDocs = (ids: string[]) => SlotModel.collection.find({ _id: { $in: ids.map((id) => new mongoose.Types.ObjectId(id)) } }).toArray();

interface PostAnswer {
  status: number;
  code?: string;
}

/** Sends every request from a worker thread, `concurrency` at a time. */
async function postLoad(requests: { url: string; headers: Record<string, string>; body: unknown }[], concurrency: number) {
  const worker = new Worker(new URL('./post-worker.mjs', import.meta.url), { workerData: { requests, concurrency } });
  const result = await new Promise<{ ms: number; latencies: number[]; answers: PostAnswer[] }>(
    (resolve, reject) => (worker.once('message', resolve), worker.once('error', reject)),
  );
  await worker.terminate();
  return result;
}

if (isMain(import.meta.url)) {
  const figures = await run();
  report('booking-storm', figures);
  if (!figures.exact) process.exitCode = 1;
  process.exit();
}
