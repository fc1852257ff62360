// `npm run bench`: every benchmark in turn; `npm run bench -- booking-storm slot-list` runs the
// named ones. Each prints its figures and writes bench/results/<name>.json. First the database
// must pass the atomicity probe the server runs at start: figures measured on a server that
// oversells would mean nothing.
import { MongoClient } from 'mongodb';
import { assertAtomicUpdates } from '../server/atomicity-probe.ts';
import { report, withoutRetryableWritesOnSecantus } from './lib.ts';

// Set before anything connects; the benchmarks' child processes inherit it.
process.env.MONGODB_URI = withoutRetryableWritesOnSecantus(process.env.MONGODB_URI!, process.env.ONETRIP_TEST_DB_KIND);
const client = await MongoClient.connect(process.env.MONGODB_URI!, { maxPoolSize: 50 });
try {
  console.log(JSON.stringify({ atomicityProbe: await assertAtomicUpdates(client.db(`bench_probe_${process.pid}`)) }));
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
} finally {
  await client.close();
}

const benches: [string, () => Promise<{ run: () => Promise<Record<string, unknown>> }>][] = [
  ['catalogue', () => import('./catalogue.ts')],
  ['booking-storm', () => import('./booking-storm.ts')],
  ['slot-list', () => import('./slot-list.ts')],
  ['screen-poll', () => import('./screen-poll.ts')],
  ['publish', () => import('./publish.ts')],
  ['hotline', () => import('./hotline.ts')],
  ['export', () => import('./export.ts')],
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !benches.some(([known]) => known === name));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(', ')}; known: ${benches.map(([name]) => name).join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const [name, load] of benches) {
  if (only.length && !only.includes(name)) continue;
  const { run } = await load();
  const figures = await run();
  report(name, figures);
  // booking-storm fails when it did not book exactly its seats.
  if (figures.exact === false) failed = true;
}
process.exit(failed ? 1 : 0);
