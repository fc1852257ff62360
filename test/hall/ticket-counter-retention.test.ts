// A day's ticket counter outlives the day by the database's clock, whatever OneTrip's clock says.
// The TTL monitor deletes by the database's clock; a counter whose expiry was counted from a
// clock set behind it (here a fixed date in 2020) used to be written already expired, the
// monitor's next pass deleted it mid-morning, and the next walk-in got 001 again: a duplicate
// number, refused by the unique index with 409 DUPLICATE (it failed the workbench test in CI).
import test from 'ava';
import { CounterModel } from '../../models/counter.ts';
import { retainUntil } from '../../server/retention.ts';
import { ticketCounterId } from '../../services/queue/tickets.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildDepartment, buildItem, buildStaff, buildWindow, suffix } from '../helpers/factories.ts';
import { ttlPassOverCounters } from '../helpers/ttl.ts';

const DAY_MS = 24 * 3600_000;
const PAST = new Date('2020-03-10T09:20:00+08:00');
let app: TestApp;

test.before(async () => {
  app = await startTestApp({ clock: () => PAST });
});
test.after.always(() => app.close());

test('POST /staff/tickets › with a clock years behind the database, the day goes on numbering after a TTL pass', async (t) => {
  const department = (await buildDepartment({ ticketPrefix: 'R' })).code;
  const hallCode = `H${suffix()}`;
  const window = (await buildWindow(department, { hallCode })).code;
  const itemCode = (await buildItem({ department, windows: [window] })).code;
  const clerk = await buildStaff('window', department, [window]);
  const walkIn = () => app.request('POST', '/api/v1/staff/tickets', { token: clerk.token, body: { itemCode } });

  const first = await walkIn();
  t.is(first.status, 201, first.text);
  t.is(first.body.ticketNo, 'R001');
  const counter = await CounterModel.findById(ticketCounterId(hallCode, 'R', '2020-03-10')).lean();
  t.truthy(counter, 'the day has a counter');
  t.true(counter!.expiresAt!.getTime() > Date.now() + 7 * DAY_MS, 'kept a week past the real instant too');

  await ttlPassOverCounters();
  const second = await walkIn();
  t.is(second.status, 201, second.text);
  t.is(second.body.ticketNo, 'R002');
});

test('retainUntil › counts from the later of the injected and the real clock', (t) => {
  const before = Date.now();
  t.true(retainUntil(PAST, DAY_MS).getTime() >= before + DAY_MS, 'a clock behind: from real time');
  const ahead = new Date(before + 365 * DAY_MS);
  t.is(retainUntil(ahead, DAY_MS).getTime(), ahead.getTime() + DAY_MS, 'a clock ahead: from it');
});
