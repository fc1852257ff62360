// Hotline figures benchmark: BENCH_HOTLINE_REQUESTS (default 100,000) requests over one year in
// 18 departments, then the monthly figures of all departments: the figures page through the real
// app (reading the precomputed hotline_monthly rows) against the raw aggregation over the records
// of the same month, in the same run; and a check that recomputing reproduces the stored rows.
// Goal: the figures page p99 < 200 ms.
import mongoose, { Types } from 'mongoose';
import { HotlineMonthlyModel } from '../models/hotline-monthly.ts';
import { HotlineRequestModel } from '../models/hotline-request.ts';
import { createApp } from '../server/app.ts';
import { createCaches } from '../server/caches.ts';
import { connectDatabase } from '../server/db.ts';
import { logger } from '../server/logger.ts';
import { computeMonth, precomputeMonth } from '../services/hotline/figures.ts';
import { isMain, listen, percentiles, report, round } from './lib.ts';

const REQUESTS = Number(process.env.BENCH_HOTLINE_REQUESTS ?? 100_000);
const DEPARTMENTS = Array.from({ length: 18 }, (_, i) => `HD${String(i).padStart(2, '0')}`);
const TYPES = ['咨询', '求助', '投诉', '建议', '举报'] as const;
const RATINGS = ['满意', '满意', '满意', '基本满意', '不满意', null] as const;
const YEAR = 2025;
const HOUR = 3600_000;
const BATCH = 1_000;

export async function run(): Promise<Record<string, unknown>> {
  await connectDatabase(process.env.MONGODB_URI!, `bench_hotline_${process.pid}`);
  logger.level = 'warn';
  try {
    const seedStarted = performance.now();
    await seed();
    const seedSeconds = round((performance.now() - seedStarted) / 1000);
    console.error(`seeded ${REQUESTS} hotline requests in ${seedSeconds} s`);
    const months = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);

    const precomputeStarted = performance.now();
    for (const month of months) await precomputeMonth(month, new Date());
    const precomputeAllMs = round(performance.now() - precomputeStarted);

    const rawTimes: number[] = [];
    let reproduced = true;
    for (const month of months) {
      const t0 = performance.now();
      const raw = await computeMonth(month);
      rawTimes.push(performance.now() - t0);
      const stored = await HotlineMonthlyModel.find({ month }, { computedAt: 0 }).sort({ department: 1 }).lean();
      if (canonical(stored) !== canonical(raw)) reproduced = false;
    }

    const caches = createCaches();
    await caches.start();
    const api = await listen(createApp({ caches }));
    const pageTimes: number[] = [];
    let departmentsShown = 0;
    try {
      for (let i = 0; i < 120; i++) {
        const t0 = performance.now();
        const response = await fetch(`${api.baseUrl}/api/v1/public/hotline/figures?month=${months[i % 12]}`);
        const body = (await response.json()) as { departments: unknown[] };
        if (i >= 20) pageTimes.push(performance.now() - t0);
        departmentsShown = body.departments.length;
      }
    } finally {
      await api.close();
      caches.stop();
    }
    const page = percentiles(pageTimes);
    return {
      requests: REQUESTS,
      departments: DEPARTMENTS.length,
      seedSeconds,
      precomputeAllMonthsMs: precomputeAllMs,
      figuresPageFromAggregates: { ...page, departmentsShown },
      rawAggregationPerMonth: percentiles(rawTimes),
      recomputeReproducesAggregates: reproduced,
      goalMet: page.p99 < 200,
    };
  } finally {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  }
}

/** Rows as text with their keys sorted (the stored rows come back in the schema's field order). */
const canonical = (rows: object[]) => JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))));

/** Requests spread over the year, in every state of the loop, written straight through the driver. */
async function seed(): Promise<void> {
  // The indexes are built once after the inserts, not on every insert (the socket would time out).
  await HotlineRequestModel.init();
  await HotlineRequestModel.collection.dropIndexes();
  const start = Date.UTC(YEAR, 0, 1) - 8 * HOUR;
  const span = Date.UTC(YEAR + 1, 0, 1) - 8 * HOUR - start;
  let batch: Record<string, unknown>[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const receivedAt = new Date(start + Math.floor((i / REQUESTS) * span));
    const at = (hours: number) => new Date(receivedAt.getTime() + hours * HOUR);
    const stage = i % 10; // 0: at the center · 1: dispatched · 2: signed · 3–9: replied or closed
    const signedAt = stage >= 2 ? at(i % 7 === 0 ? 3 : 0.5) : null;
    const firstRepliedAt = stage >= 3 ? at(24 * (1 + (i % 8))) : null;
    const rating = stage >= 4 ? RATINGS[i % RATINGS.length]! : null;
    const local = new Date(receivedAt.getTime() + 8 * HOUR).toISOString();
    batch.push({
      _id: new Types.ObjectId(),
      number: `12345-${local.slice(0, 10).replaceAll('-', '')}-${String(i).padStart(6, '0')}`,
      type: TYPES[i % TYPES.length],
      category: `CAT${i % 30}`,
      text: '小区电梯停运，物业不予维修',
      location: { address: '', lat: null, long: null },
      photos: [],
      channel: i % 3 === 0 ? 'phone' : 'mini_program',
      contactAllowed: true,
      anonymous: false,
      citizenId: null,
      caller: { nameEnc: null, phoneEnc: null, phoneHash: null },
      status: stage === 0 ? 'received' : stage === 1 ? 'dispatched' : stage === 2 ? 'signed' : rating ? 'closed' : 'replied',
      receivedAt,
      month: local.slice(0, 7),
      department: stage === 0 ? null : DEPARTMENTS[i % DEPARTMENTS.length],
      coHandlers: [],
      dispatchedAt: stage >= 1 ? receivedAt : null,
      signDue: stage >= 1 ? at(1) : null,
      signedAt,
      contactDue: at(24),
      contactedAt: stage >= 2 ? at(i % 5 === 0 ? 30 : 4) : null,
      replyDue: at(24 * 5),
      originalReplyDue: at(24 * 5),
      extension: { status: i % 50 === 0 ? 'approved' : 'none', reason: '', days: 0 },
      returns: i % 40 === 0 ? 1 : 0,
      returnedBy: i % 40 === 0 ? [DEPARTMENTS[(i + 1) % DEPARTMENTS.length]] : [],
      replies: [],
      repliedAt: firstRepliedAt,
      firstRepliedAt,
      ratingDue: null,
      rating: { value: rating, by: rating ? 'citizen' : null, at: rating ? at(24 * 9) : null },
      reopened: i % 97 === 0,
      closedAt: null,
      mergedInto: null,
      history: [],
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    if (batch.length === BATCH) {
      await HotlineRequestModel.collection.insertMany(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length) await HotlineRequestModel.collection.insertMany(batch, { ordered: false });
  await HotlineRequestModel.syncIndexes();
  await HotlineMonthlyModel.syncIndexes();
}

if (isMain(import.meta.url)) report('hotline', await run());
