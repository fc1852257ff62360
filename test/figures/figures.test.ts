// Service figures: computed by the publishing job from the records, served within scope,
// rolled up into weeks and months with exact percentiles, and reproduced by a rebuild.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { publishProgressJob } from '../../jobs/publish-progress.ts';
import { FiguresDailyModel } from '../../models/figures-daily.ts';
import { config } from '../../server/config.ts';
import { rebuildFigures } from '../../services/figures/store.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildDepartment, buildItem, buildStaff, buildWindow } from '../helpers/factories.ts';
import { at, insertAppointment, insertCase, insertRating, insertRectification, insertTicket, type Where } from './fixtures.ts';

// Fixed dates in a far year, so the test means the same on any day: Monday, Wednesday, next Monday.
const MON = '2031-03-03';
const WED = '2031-03-05';
const NEXT_MON = '2031-03-10';
let app: TestApp;
let x: Where;
let y: Where;
let adminX: string;
let adminY: string;
let center: string;

test.before(async () => {
  app = await startTestApp();
  Object.assign(config, { PUBLISH_DIR: await mkdtemp(path.join(os.tmpdir(), 'onetrip-figures-')) });
  const build = async (): Promise<Where> => {
    const department = (await buildDepartment()).code;
    const window = (await buildWindow(department)).code;
    const itemCode = (await buildItem({ department, windows: [window] })).code;
    return { department, window, itemCode };
  };
  x = await build();
  y = await build();
  adminX = (await buildStaff('dept_admin', x.department)).token;
  adminY = (await buildStaff('dept_admin', y.department)).token;
  center = (await buildStaff('center_admin', null)).token;

  for (const status of ['served', 'served', 'no_show', 'cancelled']) await insertAppointment(x, MON, status);
  await insertTicket(x, MON, 'booking', 5, 10);
  await insertTicket(x, MON, 'booking', 12, 20);
  await insertTicket(x, MON, 'walk_in', 30, 6);
  await insertTicket(x, MON, 'walk_in', null, null);
  for (let wait = 1; wait <= 7; wait++) await insertTicket(x, WED, 'walk_in', wait, 1);
  const good = await insertCase(x, MON, { date: WED, onTime: true, visits: 1 });
  const bad = await insertCase(x, MON, { date: WED, onTime: false, visits: 2 });
  await insertCase(y, MON);
  await insertRating(x, good, WED, 5);
  const badRating = await insertRating(x, bad, WED, 1);
  await insertRectification(x, bad, badRating, NEXT_MON, NEXT_MON);

  const job = publishProgressJob(app.caches);
  await job.run(at(WED, '17:00'));
  await job.run(at(NEXT_MON, '12:00'));
});
test.after.always(() => app.close());

const figures = (token: string, query: string) => app.request('GET', `/api/v1/admin/figures?${query}`, { token });

test.serial('figures › a day of the center: bookings, check-ins, no-shows, walk-ins, waits and handling', async (t) => {
  const res = await figures(center, `period=day&from=${MON}&to=${MON}`);
  t.is(res.status, 200, res.text);
  const day = res.body.total;
  t.like(day, { bookings: 3, checkIns: 2, noShows: 1, walkIns: 2 });
  t.deepEqual(day.wait, { count: 3, averageMinutes: 15.7, p90Minutes: 30 });
  t.deepEqual(day.handling, { count: 3, averageMinutes: 12, p90Minutes: 20 });
  t.is(res.body.periods.length, 1);
  t.is(res.body.periods[0].key, MON);
});

test.serial('figures › a week sums its days, and its p90 comes from every wait, not from daily p90s', async (t) => {
  const res = await figures(center, `period=week&from=${MON}&to=${NEXT_MON}`);
  t.is(res.status, 200, res.text);
  const [week, next] = res.body.periods;
  t.like(week, { key: MON, from: MON, to: '2031-03-09', walkIns: 9, checkIns: 2 });
  // waits 5, 12, 30 and 1..7: the 9th of 10 is 12 minutes.
  t.is(week.wait.count, 10);
  t.is(week.wait.p90Minutes, 12);
  t.like(week.cases, { accepted: 3, completed: 2, completedOnTime: 1, onTimeRate: 0.5, oneVisit: 1, oneVisitRate: 0.5 });
  t.like(week.ratings, { count: 2, averageScore: 3, satisfied: 1, satisfactionRate: 0.5, bad: 1, rectified: 0 });
  t.like(next, { key: NEXT_MON, from: NEXT_MON, to: NEXT_MON });
  t.like(next.ratings, { rectified: 1, rectifiedOnTime: 1, rectifiedOnTimeRate: 1 });
  const month = await figures(center, `period=month&from=2031-03-01&to=2031-03-31`);
  t.deepEqual(month.body.periods[0].cases, res.body.total.cases);
  t.is(month.body.periods[0].key, '2031-03');
});

test.serial('figures › department, item and window scopes; a department admin sees only their own', async (t) => {
  const range = `period=month&from=2031-03-01&to=2031-03-31`;
  const dept = await figures(adminX, range);
  t.is(dept.body.scope, `department:${x.department}`);
  t.is(dept.body.total.cases.accepted, 2);
  const item = await figures(adminX, `${range}&scope=item:${x.itemCode}`);
  t.is(item.body.total.cases.completed, 2);
  const window = await figures(adminX, `${range}&scope=window:${x.window}`);
  t.like(window.body.total, { walkIns: 8, checkIns: 2, bookings: 0 });
  const other = await figures(adminY, range);
  t.like(other.body.total.cases, { accepted: 1, completed: 0, onTimeRate: null });
  for (const scope of [`department:${x.department}`, `item:${x.itemCode}`, `window:${x.window}`, 'center']) {
    t.is((await figures(adminY, `${range}&scope=${scope}`)).status, 403, scope);
  }
  t.is((await figures(center, `${range}&scope=department:${y.department}`)).body.total.cases.accepted, 1);
});

test.serial('figures › bad ranges are refused in Chinese', async (t) => {
  const backwards = await figures(center, `period=day&from=${WED}&to=${MON}`);
  t.is(backwards.status, 400);
  t.regex(backwards.body.error.details.fields['query.to'], /结束日期/);
  t.is((await figures(center, `period=day&from=2030-01-01&to=2031-12-31`)).status, 400);
  t.is((await figures(center, `period=day&from=${MON}&to=${WED}&scope=hall:1`)).status, 400);
});

test.serial('figures › the public variant has the center and departments only', async (t) => {
  const res = await app.request('GET', `/api/v1/public/figures?period=week&from=${MON}&to=${NEXT_MON}`);
  t.is(res.status, 200, res.text);
  t.is(res.body.center.total.walkIns, 9);
  t.deepEqual(res.body.departments.map((d: { code: string }) => d.code).sort(), [x.department, y.department].sort());
  t.false(res.text.includes(x.itemCode));
  t.false(res.text.includes(x.window));
});

test.serial('figures › a rebuild from scratch reproduces the stored aggregates exactly', async (t) => {
  const stored = async () => FiguresDailyModel.find({}).sort({ _id: 1 }).lean();
  const before = await stored();
  t.true(before.length >= 10);
  await publishProgressJob(app.caches).run(at(WED, '17:30')); // a re-run of the same days changes nothing
  t.deepEqual(await stored(), before);
  await FiguresDailyModel.deleteMany({});
  await rebuildFigures('2031-02-25', '2031-03-12', config.TZ_NAME);
  t.deepEqual(await stored(), before);
});
