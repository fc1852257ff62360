// Publishing benchmark: 100,000 accepted/completed cases; the first (full) publish, then an
// incremental tick (read from the change feed) after 100 cases changed. Prints times and peak RSS.
// Goal: incremental tick < 1 s, peak RSS < 300 MB.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { ApplicationModel } from '../models/application.ts';
import { DepartmentModel } from '../models/department.ts';
import { ItemModel } from '../models/item.ts';
import { WindowModel } from '../models/window.ts';
import { config } from '../server/config.ts';
import { connectDatabase } from '../server/db.ts';
import { logger } from '../server/logger.ts';
import { recordApplicationChange } from '../services/applications/change-feed.ts';
import { createCatalogueCache } from '../services/catalogue/store.ts';
import { createLedger } from '../services/publishing/ledger.ts';
import { encryptPii } from '../services/pii/crypto.ts';
import { publishProgress } from '../services/publishing/publish.ts';
import { addDays, zonedDate } from '../services/calendar/zoned-time.ts';
import { itemFields } from '../test/helpers/factories.ts';
import { isMain, report, round } from './lib.ts';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const CHANGES = 100;
const INSERT_BATCH = 5_000;
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const MB = 1024 * 1024;

export async function run(): Promise<Record<string, unknown>> {
  await connectDatabase(process.env.MONGODB_URI!, `bench_publish_${process.pid}`);
  logger.level = 'warn';
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onetrip-bench-publish-'));
  Object.assign(config, { PUBLISH_DIR: dir, PUBLISH_DAYS: 30 });
  const seedStarted = performance.now();
  const ids = await seedCases();
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const catalogue = await createCatalogueCache(60_000).reload();
  const ledger = createLedger();
  const publish = () => publishProgress(new Date(), catalogue, ledger);

  console.error(`seeded ${CASES} cases in ${round(seedSeconds)} s`);
  const full = await measure(publish);
  console.error(`full publish ${full.seconds} s`);
  // 100 cases change: accepted ones complete.
  const changed = ids.slice(0, CHANGES);
  const today = zonedDate(new Date(), config.TZ_NAME);
  // One update each: FerretDB scans the collection for every document an update touches.
  // Each is recorded in the change feed, as the services do after every application write.
  for (const _id of changed) {
    await ApplicationModel.updateOne({ _id }, { $set: { status: 'completed', completedDate: today, completedAt: new Date(), onTime: true, onsiteVisits: 1 } });
    await recordApplicationChange(_id);
  }
  const incremental = await measure(publish);
  const quiet = await measure(publish);

  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  await rm(dir, { recursive: true, force: true });
  const peakRssMb = round(process.resourceUsage().maxRSS / 1024);
  return {
    cases: CASES,
    changes: CHANGES,
    seedSeconds: round(seedSeconds),
    fullPublish: full,
    incrementalTick: incremental,
    tickWithoutChanges: quiet,
    peakRssMb,
    goals: { incrementalTickBelowSeconds: 1, peakRssBelowMb: 300 },
    met: incremental.seconds < 1 && peakRssMb < 300,
  };
}

/** Runs `step`, sampling RSS; returns its time, counts and the highest RSS seen. */
async function measure(step: () => Promise<Record<string, number>>) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const counts = await step();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { seconds: round(seconds), rssPeakMb: round(Math.max(peak, process.memoryUsage().rss) / MB), ...counts };
}

/** Inserts CASES cases over the last 25 days (two thirds completed); returns the accepted ones' ids first. */
async function seedCases(): Promise<Types.ObjectId[]> {
  const departments = Array.from({ length: 10 }, (_, d) => `BD${d}`);
  await DepartmentModel.insertMany(departments.map((code, d) => ({ code, name: `部门${d}` })));
  await WindowModel.insertMany(departments.map((department, d) => ({ code: `BW${d}`, name: `${d + 1}号窗口`, hallCode: 'HALL1', location: '一楼', department })));
  await ItemModel.insertMany(Array.from({ length: 50 }, (_, i) => itemFields(`BD${i % 10}`, [`BW${i % 10}`], `BI${i}`)));
  const today = zonedDate(new Date(), config.TZ_NAME);
  const names = SURNAMES.map((s) => encryptPii(`${s}小明`)); // ciphertexts reused: encryption is not what is measured
  const accepted: Types.ObjectId[] = [];
  const base = Date.now() - 60 * 60_000;
  for (let start = 0; start < CASES; start += INSERT_BATCH) {
    const docs = Array.from({ length: Math.min(INSERT_BATCH, CASES - start) }, (_, k) => {
      const i = start + k;
      const completed = i % 3 !== 0;
      const acceptedDate = addDays(today, -(i % 25) - 3);
      const _id = new Types.ObjectId();
      if (!completed) accepted.push(_id);
      const stamp = new Date(base + i * 30); // spread over the hour before
      return {
        _id, citizenId: null, itemCode: `BI${i % 50}`, department: `BD${i % 10}`, applicantNameEnc: names[i % names.length], applicantIsCompany: false,
        status: completed ? 'completed' : 'accepted', materials: [], supplement: [], history: [], revision: 0,
        acceptedAt: new Date(`${acceptedDate}T02:00:00Z`), acceptedDate, deadline: addDays(acceptedDate, 7),
        completedAt: completed ? stamp : null, completedDate: completed ? addDays(acceptedDate, 2) : null, onTime: completed ? i % 10 !== 0 : null,
        onsiteVisits: completed ? i % 4 : null, evaluated: completed && i % 5 === 0, evaluationScore: completed && i % 5 === 0 ? (i % 5) + 1 : null,
        evaluatedAt: completed && i % 5 === 0 ? stamp : null, paid: false, createdAt: stamp, updatedAt: stamp,
      };
    });
    await ApplicationModel.collection.insertMany(docs);
  }
  return accepted;
}

if (isMain(import.meta.url)) {
  report('publish', await run());
  process.exit(0);
}
