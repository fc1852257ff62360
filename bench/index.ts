// `npm run bench`: every benchmark in turn; each prints its figures and writes
// bench/results/<name>.json.
import { report } from './lib.ts';

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
