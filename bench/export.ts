// Export benchmark: the case register of 100,000 cases streamed as one workbook through the
// real route (GET /api/v1/admin/exports/cases), read by an HTTP client in this process.
// Prints time, size and peak RSS. Goal: peak RSS < 200 MB. The cases are seeded by a child
// process, so the RSS measured is the exporter's own.
import http from 'node:http';
import mongoose, { Types } from 'mongoose';
import { ApplicationModel } from '../models/application.ts';
import { DepartmentModel } from '../models/department.ts';
import { ItemModel } from '../models/item.ts';
import { StaffModel } from '../models/staff.ts';
import { createApp } from '../server/app.ts';
import { signToken } from '../server/auth/tokens.ts';
import { createCaches } from '../server/caches.ts';
import { connectDatabase } from '../server/db.ts';
import { logger } from '../server/logger.ts';
import { encryptPii } from '../services/pii/crypto.ts';
import { itemFields } from '../test/helpers/factories.ts';
import { isMain, listen, report, round, seedInChild } from './lib.ts';

const CASES = Number(process.env.BENCH_EXPORT_CASES ?? 100_000);
const INSERT_BATCH = 5_000;
const FROM = '2030-01-01';
const MB = 1024 * 1024;

export async function run(): Promise<Record<string, unknown>> {
  const dbName = `bench_export_${process.pid}`;
  const seedStarted = performance.now();
  await seedInChild(import.meta.url, { BENCH_EXPORT_SEED: dbName });
  const seedSeconds = round((performance.now() - seedStarted) / 1000);
  await connectDatabase(process.env.MONGODB_URI!, dbName);
  logger.level = 'warn';
  const caches = createCaches();
  await caches.start();
  const server = await listen(createApp({ caches }));
  try {
    const staff = await StaffModel.create({ username: 'bench_admin', name: '管理员', passwordHash: 'x', role: 'center_admin', department: null });
    const token = await signToken({ kind: 'staff', id: String(staff._id), role: 'center_admin', department: null, windows: [] });
    const baseline = process.memoryUsage().rss;
    const startupMaxRss = process.resourceUsage().maxRSS * 1024; // loading the app peaks too; told apart below
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const { status, bytes } = await get(`${server.baseUrl}/api/v1/admin/exports/cases?from=${FROM}&to=2030-12-31`, token);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const exportPeakRssMb = round(peak / MB);
    const peakRssMb = round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / MB);
    return {
      rows: CASES,
      seedSeconds,
      status,
      seconds: round(seconds),
      rowsPerSecond: Math.round(CASES / seconds),
      workbookMb: round(bytes / MB),
      rssBeforeMb: round(baseline / MB),
      maxRssBeforeExportMb: round(startupMaxRss / MB),
      exportPeakRssMb,
      peakRssMb,
      goals: { peakRssBelowMb: 200 },
      met: status === 200 && peakRssMb < 200,
    };
  } finally {
    await server.close();
    caches.stop();
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  }
}

/** Reads the answer to the end, keeping only its size. */
function get(url: string, token: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** CASES cases accepted over 2030, two thirds completed, spread over 10 departments and 50 items. */
async function seedCases(): Promise<void> {
  await DepartmentModel.insertMany(Array.from({ length: 10 }, (_, d) => ({ code: `BD${d}`, name: `部门${d}` })));
  await ItemModel.insertMany(Array.from({ length: 50 }, (_, i) => itemFields(`BD${i % 10}`, [], `BI${i}`)));
  const names = ['王小明', '李小红', '张三丰', '赵四'].map(encryptPii); // reused: encryption is not what is measured
  for (let start = 0; start < CASES; start += INSERT_BATCH) {
    const docs = Array.from({ length: Math.min(INSERT_BATCH, CASES - start) }, (_, k) => {
      const i = start + k;
      const completed = i % 3 !== 0;
      const acceptedDate = new Date(Date.UTC(2030, 0, 1) + (i % 360) * 86_400_000).toISOString().slice(0, 10);
      return {
        _id: new Types.ObjectId(),
        citizenId: null,
        itemCode: `BI${i % 50}`,
        department: `BD${i % 10}`,
        applicantNameEnc: names[i % names.length],
        applicantIsCompany: false,
        status: completed ? 'completed' : 'accepted',
        materials: [],
        supplement: [],
        history: [],
        acceptedDate,
        deadline: acceptedDate,
        completedDate: completed ? acceptedDate : null,
        onTime: completed ? i % 10 !== 0 : null,
        onsiteVisits: completed ? i % 3 : null,
        evaluationScore: completed && i % 5 === 0 ? 5 : null,
        createdAt: new Date(),
        updatedAt: new Date(),
      };
    });
    await ApplicationModel.collection.insertMany(docs);
  }
  await ApplicationModel.syncIndexes();
}

if (isMain(import.meta.url) && process.env.BENCH_EXPORT_SEED) {
  await connectDatabase(process.env.MONGODB_URI!, process.env.BENCH_EXPORT_SEED);
  await seedCases();
  await mongoose.disconnect();
  process.exit(0);
} else if (isMain(import.meta.url)) {
  report('export', await run());
  process.exit(0);
}
