// `npm run bench`: every benchmark in turn; each prints its figures and writes
// bench/results/<name>.json. First the database must pass the atomicity probe the server
// runs at start: figures measured on a server that oversells would mean nothing.
import { MongoClient } from 'mongodb';
import { assertAtomicUpdates } from '../server/atomicity-probe.ts';
import { report } from './lib.ts';

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
  ['screen-poll', () => import('./screen-poll.ts')],
  ['publish', () => import('./publish.ts')],
];

for (const [name, load] of benches) {
  const { run } = await load();
  report(name, await run());
}
process.exit(0);
