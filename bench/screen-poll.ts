// Screen-poll benchmark, 10 halls, against the real screen route (token check, ETag, answered
// from memory) and a bare Koa route serving the same JSON in the same run:
// - throughput: 200 connections polling back to back (closed loop), 200s and 304s, and the ratio;
// - latency: 200 screens each polling every POLL_INTERVAL_MS (open loop, as screens do), p99.
// Goal: ratio ≥ 0.7 and p99 < 20 ms.
import Koa from 'koa';
import mongoose from 'mongoose';
import { DepartmentModel } from '../models/department.ts';
import { ItemModel } from '../models/item.ts';
import { ScreenDeviceModel } from '../models/screen-device.ts';
import { WindowModel } from '../models/window.ts';
import { hashScreenToken } from '../server/auth/screen-token.ts';
import { createApp } from '../server/app.ts';
import { createCaches, type Caches } from '../server/caches.ts';
import { connectDatabase } from '../server/db.ts';
import { callNext } from '../services/queue/calling.ts';
import { issueTicket } from '../services/queue/tickets.ts';
import { rebuildScreenSnapshots } from '../services/screens/publish.ts';
import { itemFields } from '../test/helpers/factories.ts';
import { Worker } from 'node:worker_threads';
import { logger } from '../server/logger.ts';
import { isMain, listen, percentiles, report, round, runGetLoad } from './lib.ts';

const HALLS = 10;
const WINDOWS_PER_HALL = 8;
const POLLERS = 200;
const REQUESTS = 20_000;
/** Screens poll every few seconds; 250 ms here is 800 requests a second from 200 screens. */
const POLL_INTERVAL_MS = 250;
const PACED_SECONDS = 8;

export async function run(): Promise<Record<string, unknown>> {
  await connectDatabase(process.env.MONGODB_URI!, `bench_screen_${process.pid}`);
  // Request logging to stdout would be measured too; the bare route logs nothing.
  logger.level = 'warn';
  const caches = createCaches();
  await caches.start();
  const tokens = await seedHalls(caches);
  await rebuildScreenSnapshots(new Date(), caches.catalogue.current());
  await caches.screens.refresh();
  const api = await listen(createApp({ caches }));
  const halls = tokens.map((_, i) => `HALL${i}`);
  const urls = halls.map((hall) => `${api.baseUrl}/api/v1/screens/${hall}`);
  const first = await Promise.all(urls.map((url, i) => fetch(url, { headers: { 'X-Screen-Token': tokens[i]! } })));
  const etags = first.map((r) => r.headers.get('etag')!);
  const bodies = await Promise.all(first.map((r) => r.text()));
  const fresh = tokens.map((token) => ({ 'X-Screen-Token': token }));
  const unchanged = tokens.map((token, i) => ({ 'X-Screen-Token': token, 'If-None-Match': etags[i]! }));

  const bare = new Koa();
  bare.use((ctx) => {
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = bodies[Number(ctx.path.slice(1)) || 0];
  });
  const bareServer = await listen(bare);
  const bareUrls = halls.map((_, i) => `${bareServer.baseUrl}/${i}`);

  await runGetLoad(urls, 4000, POLLERS, fresh); // warm-up
  await runGetLoad(bareUrls, 4000, POLLERS);
  const full = await runGetLoad(urls, REQUESTS, POLLERS, fresh);
  const notModified = await runGetLoad(urls, REQUESTS, POLLERS, unchanged);
  const baseline = await runGetLoad(bareUrls, REQUESTS, POLLERS);
  const paced200 = await runPaced(urls, fresh);
  const paced304 = await runPaced(urls, unchanged);
  const pacedBare = await runPaced(bareUrls);
  await Promise.all([api.close(), bareServer.close()]);
  caches.stop();
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  const ratio = round(full.throughput / baseline.throughput);
  return {
    halls: HALLS,
    pollers: POLLERS,
    responseBytes: Math.round(bodies.reduce((n, b) => n + b.length, 0) / bodies.length),
    saturation: { answers200: full, answers304: notModified, bareKoa: baseline },
    ratio,
    ratio304: round(notModified.throughput / baseline.throughput),
    paced: { pollIntervalMs: POLL_INTERVAL_MS, answers200: paced200, answers304: paced304, bareKoa: pacedBare },
    goals: { ratioAtLeast: 0.7, p99BelowMs: 20 },
    met: ratio >= 0.7 && paced200.p99 < 20 && paced304.p99 < 20,
  };
}

/** POLLERS screens each polling every POLL_INTERVAL_MS for PACED_SECONDS. */
async function runPaced(urls: string[], headers?: Record<string, string>[]) {
  const worker = new Worker(new URL('./paced-worker.mjs', import.meta.url), {
    workerData: { urls, headers, pollers: POLLERS, intervalMs: POLL_INTERVAL_MS, seconds: PACED_SECONDS },
  });
  const { latencies, statuses, seconds } = await new Promise<{ latencies: number[]; statuses: Record<number, number>; seconds: number }>(
    (resolve, reject) => (worker.once('message', resolve), worker.once('error', reject)),
  );
  await worker.terminate();
  return { requests: latencies.length, throughput: round(latencies.length / seconds), ...percentiles(latencies), statuses };
}

/** Ten halls with windows, an item each, some tickets called; returns each hall's device token. */
async function seedHalls(caches: Caches): Promise<string[]> {
  const tokens: string[] = [];
  for (let h = 0; h < HALLS; h++) {
    const department = `BD${h}`;
    await DepartmentModel.create({ code: department, name: `部门${h}` });
    const windows = Array.from({ length: WINDOWS_PER_HALL }, (_, w) => `H${h}W${w}`);
    await WindowModel.insertMany(windows.map((code, w) => ({ code, name: `${w + 1}号窗口`, hallCode: `HALL${h}`, location: '一楼', department })));
    await ItemModel.create(itemFields(department, windows, `BI${h}`));
    const token = `bench-token-${h}`;
    await ScreenDeviceModel.create({ _id: `S${h}`, name: `大屏${h}`, hallCode: `HALL${h}`, tokenHash: hashScreenToken(token) });
    tokens.push(token);
  }
  const catalogue = await caches.catalogue.reload();
  const admin = { kind: 'staff' as const, id: 'bench', role: 'center_admin' as const, department: null, windows: [] };
  for (let h = 0; h < HALLS; h++) {
    for (let i = 0; i < 30; i++) await issueTicket({ itemCode: `BI${h}`, source: 'walk_in', now: new Date() }, catalogue);
    for (let w = 0; w < WINDOWS_PER_HALL; w++) await callNext(`H${h}W${w}`, admin, new Date(), catalogue);
  }
  return tokens;
}

if (isMain(import.meta.url)) {
  report('screen-poll', await run());
  process.exit(0);
}
