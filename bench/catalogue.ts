// Catalogue benchmark: 2,000 items, mixed searches and guide reads through the real app,
// against a bare Koa route returning a fixed JSON of the same size, in the same run.
// Goal: p99 < 15 ms and throughput ratio ≥ 0.5.
import Koa from 'koa';
import mongoose from 'mongoose';
import { DepartmentModel } from '../models/department.ts';
import { ItemModel } from '../models/item.ts';
import { WindowModel } from '../models/window.ts';
import { createApp } from '../server/app.ts';
import { connectDatabase } from '../server/db.ts';
import { createCaches } from '../server/caches.ts';
import { itemFields } from '../test/helpers/factories.ts';
import { isMain, listen, report, round, runGetLoad } from './lib.ts';

const ITEMS = 2000;
const REQUESTS = 6000;
const CONCURRENCY = 16;
const WORDS = ['身份证', '营业执照', '社保', '不动产', '结婚', '户口', '医保', '公积金', '税务', '驾驶'];
const INITIALS = ['sfz', 'yyzz', 'sbk', 'bdc', 'jh', 'hk'];

export async function run(): Promise<Record<string, unknown>> {
  await connectDatabase(process.env.MONGODB_URI!, `bench_catalogue_${process.pid}`);
  await seedCatalogue();
  const caches = createCaches();
  await caches.start();
  const api = await listen(createApp({ caches }));
  const paths = (i: number) => {
    const kind = i % 4;
    if (kind === 0) return `/api/v1/items?q=${encodeURIComponent(WORDS[i % WORDS.length]!)}`;
    if (kind === 1) return `/api/v1/items?q=${INITIALS[i % INITIALS.length]}&highFrequency=true`;
    if (kind === 2) return `/api/v1/items?department=BD${i % 18}&page=2`;
    return `/api/v1/items/BI${String(i % ITEMS).padStart(4, '0')}`;
  };
  // Same-sized fixed JSON for the bare route: the mean size of the real answers.
  const sample = await Promise.all([0, 1, 2, 3].map((i) => fetch(api.baseUrl + paths(i)).then((r) => r.text())));
  const fixed = JSON.stringify({ pad: 'x'.repeat(Math.round(sample.reduce((n, s) => n + s.length, 0) / sample.length)) });
  const bare = new Koa();
  bare.use((ctx) => {
    ctx.type = 'application/json';
    ctx.body = fixed;
  });
  const bareServer = await listen(bare);

  const urls = Array.from({ length: 400 }, (_, i) => api.baseUrl + paths(i));
  await runGetLoad(urls, 1000, CONCURRENCY); // warm-up
  const catalogue = await runGetLoad(urls, REQUESTS, CONCURRENCY);
  const baseline = await runGetLoad([`${bareServer.baseUrl}/`], REQUESTS, CONCURRENCY);
  await Promise.all([api.close(), bareServer.close()]);
  caches.stop();
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  return {
    items: ITEMS,
    concurrency: CONCURRENCY,
    responseBytes: fixed.length,
    catalogue,
    bareKoa: baseline,
    ratio: round(catalogue.throughput / baseline.throughput),
    goals: { p99BelowMs: 15, ratioAtLeast: 0.5 },
    met: catalogue.p99 < 15 && catalogue.throughput / baseline.throughput >= 0.5,
  };
}

async function seedCatalogue(): Promise<void> {
  const departments = Array.from({ length: 18 }, (_, d) => ({ code: `BD${d}`, name: `基准部门${d}` }));
  await DepartmentModel.insertMany(departments);
  await WindowModel.insertMany(
    departments.map((d) => ({ code: `BW${d.code}`, name: `${d.name}窗口`, hallCode: 'HALL1', location: '一楼', department: d.code })),
  );
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const department = `BD${i % 18}`;
    const fields = itemFields(department, [`BW${department}`], `BI${String(i).padStart(4, '0')}`);
    return { ...fields, name: `${WORDS[i % WORDS.length]}相关业务办理${i}`, highFrequency: i % 40 === 0, keywords: [WORDS[(i + 3) % WORDS.length]!] };
  });
  for (let i = 0; i < items.length; i += 500) await ItemModel.insertMany(items.slice(i, i + 500));
}

if (isMain(import.meta.url)) report('catalogue', await run());
