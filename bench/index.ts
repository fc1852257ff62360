// `npm run bench`: every benchmark in turn; `npm run bench -- booking-storm slot-list` runs the
// named ones. Each prints its figures and writes bench/results/<name>.json.
import { report } from './lib.ts';

const benches: [string, () => Promise<{ run: () => Promise<Record<string, unknown>> }>][] = [
  ['catalogue', () => import('./catalogue.ts')],
  ['booking-storm', () => import('./booking-storm.ts')],
  ['slot-list', () => import('./slot-list.ts')],
  ['screen-poll', () => import('./screen-poll.ts')],
  ['publish', () => import('./publish.ts')],
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
