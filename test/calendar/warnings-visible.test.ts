// The missing-year warning is where admins and operators look: the admin dashboard, /readyz
// details and a daily log line, not only inside GET /admin/holidays.
import test from 'ava';
import { calendarWarningsJob } from '../../jobs/calendar-warnings.ts';
import { officialCalendar } from '../../services/calendar/working-days.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildStaff } from '../helpers/factories.ts';

const LAST = Math.max(...officialCalendar().years);
const lateInLastYear = new Date(`${LAST}-12-01T09:00:00+08:00`); // the slot horizon runs into LAST + 1
const earlyInLastYear = new Date(`${LAST}-03-02T09:00:00+08:00`);
let clock = lateInLastYear;
let app: TestApp;
test.before(async () => {
  app = await startTestApp({ clock: () => clock });
});
test.after.always(() => app.close());

test.serial('GET /admin/dashboard › shows the missing year to center and department admins, not to window staff', async (t) => {
  clock = lateInLastYear;
  for (const admin of [await buildStaff('center_admin', null), await buildStaff('dept_admin', 'DX')]) {
    const res = await app.request('GET', '/api/v1/admin/dashboard', { token: admin.token });
    t.is(res.status, 200);
    t.is(res.body.date, `${LAST}-12-01`);
    t.deepEqual(
      res.body.warnings.map((w: { year: number }) => w.year),
      [LAST + 1],
    );
    t.regex(res.body.warnings[0].message, new RegExp(`${LAST + 1}`));
    t.is(typeof res.body.applicationsAwaitingReview, 'number');
  }
  const clerk = await buildStaff('window', 'DX');
  t.is((await app.request('GET', '/api/v1/admin/dashboard', { token: clerk.token })).status, 403);
});

test.serial('GET /readyz › carries the warnings in its details while ready, none early in the year', async (t) => {
  clock = lateInLastYear;
  const late = await app.request('GET', '/readyz');
  t.is(late.status, 200);
  t.is(late.body.status, 'ready');
  t.deepEqual(
    late.body.details.warnings.map((w: { year: number }) => w.year),
    [LAST + 1],
  );
  clock = earlyInLastYear;
  const early = await app.request('GET', '/readyz');
  t.deepEqual(early.body.details.warnings, []);
});

test.serial('calendar-warnings job › counts the warnings it logs for the day it runs', async (t) => {
  t.deepEqual(await calendarWarningsJob.run(lateInLastYear), { warnings: 1 });
  t.deepEqual(await calendarWarningsJob.run(earlyInLastYear), { warnings: 0 });
});
