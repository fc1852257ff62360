// Importing a year's official holiday arrangement in one request: the pure expansion and checks,
// then through the API: the year is confirmed, its days follow the notice, a second import
// replaces the first, local entries are kept, bad notices are refused in Chinese.
import test from 'ava';
import { AuditLogModel } from '../../models/audit-log.ts';
import { arrangementDays, expandDates } from '../../services/calendar/import.ts';
import { loadCalendar } from '../../services/calendar/store.ts';
import { officialCalendar } from '../../services/calendar/working-days.ts';
import { addDays, isoWeekday } from '../../services/calendar/zoned-time.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildStaff, type StaffFixture } from '../helpers/factories.ts';

// The first year the holiday package has no data for: the case the import exists for.
const YEAR = Math.max(...officialCalendar().years) + 1;
const day = (mmdd: string) => `${YEAR}-${mmdd}`;
/** The first Saturday on or after `date`. */
const saturdayFrom = (date: string) => addDays(date, (6 - isoWeekday(date) + 7) % 7);

let app: TestApp;
let center: StaffFixture;
test.before(async () => {
  app = await startTestApp();
  center = await buildStaff('center_admin', null);
});
test.after.always(() => app.close());

test('expandDates › a date, an inclusive interval, and malformed entries', (t) => {
  t.deepEqual(expandDates('2027-02-10'), ['2027-02-10']);
  t.deepEqual(expandDates('2027-02-27/2027-03-02'), ['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02']);
  t.is(expandDates('2027-02-10/2027-02-01'), null, 'an interval backwards');
  t.is(expandDates('2027-02-30'), null);
  t.is(expandDates('2027-01-01/2027-03-01'), null, 'longer than a month is no festival');
  t.is(expandDates('2027-01-01/2027-01-02/2027-01-03'), null);
});

test('arrangementDays › names each day after its festival, and lists every problem at once', (t) => {
  const saturday = saturdayFrom(day('02-01'));
  const { days, problems } = arrangementDays(YEAR, [{ name: '春节', holidays: [`${day('02-10')}/${day('02-11')}`], workingDays: [saturday] }]);
  t.deepEqual(problems, {});
  t.deepEqual(days, [
    { date: saturday, kind: 'extra_working_day', name: '春节调休上班' },
    { date: day('02-10'), kind: 'closure', name: '春节放假' },
    { date: day('02-11'), kind: 'closure', name: '春节放假' },
  ]);
  const monday = addDays(saturday, 2);
  const bad = arrangementDays(YEAR, [
    { name: '元旦', holidays: [`${YEAR - 1}-12-31`, 'soon'], workingDays: [monday] },
    { name: '春节', holidays: [day('02-10'), day('02-10')], workingDays: [] },
  ]);
  t.regex(bad.problems['body.festivals.0.holidays.0']!, /不在 \d{4} 年内/);
  t.regex(bad.problems['body.festivals.0.holidays.1']!, /无法识别/);
  t.regex(bad.problems['body.festivals.0.workingDays.0']!, /应为周六或周日/);
  t.regex(bad.problems['body.festivals.1.holidays.1']!, /重复/);
});

test.serial(
  'POST /admin/holidays/years/:year/import › confirms the year; its days follow the notice; a re-import replaces it and keeps local entries',
  async (t) => {
    const saturday = saturdayFrom(day('02-01'));
    const local = await app.request('POST', '/api/v1/admin/holidays', { token: center.token, body: { date: day('05-20'), kind: 'closure', name: '县庆放假' } });
    t.is(local.status, 201);
    const first = await app.request('POST', `/api/v1/admin/holidays/years/${YEAR}/import`, {
      token: center.token,
      body: {
        note: '国务院办公厅通知',
        festivals: [
          { name: '春节', holidays: [`${day('02-10')}/${day('02-12')}`], workingDays: [saturday] },
          { name: '县庆', holidays: [day('05-20')], workingDays: [] },
        ],
      },
    });
    t.is(first.status, 200, first.text);
    t.like(first.body, { year: YEAR, holidays: 4, workingDays: 1, keptLocal: [day('05-20')] });
    let calendar = await loadCalendar();
    t.true(calendar.knowsYear(YEAR));
    t.is(calendar.status(day('02-11')), 'off');
    t.is(calendar.status(saturday), 'working');
    t.is(calendar.status(day('05-20')), 'off');

    const second = await app.request('POST', `/api/v1/admin/holidays/years/${YEAR}/import`, {
      token: center.token,
      body: { festivals: [{ name: '春节', holidays: [day('02-11')], workingDays: [] }] },
    });
    t.is(second.status, 200);
    calendar = await loadCalendar();
    t.is(calendar.status(saturday), 'off', 'the first import is replaced, not added to');
    t.is(calendar.status(day('02-11')), 'off');
    t.is(calendar.status(day('05-20')), 'off', 'the local closure stays');
    const list = await app.request('GET', `/api/v1/admin/holidays?year=${YEAR}&pageSize=100`, { token: center.token });
    t.deepEqual(
      list.body.items.map((d: { date: string; name: string }) => [d.date, d.name]),
      [
        [day('02-11'), '春节放假'],
        [day('05-20'), '县庆放假'],
      ],
    );
    t.true(list.body.confirmedYears.some((y: { year: number }) => y.year === YEAR));
    t.is(await AuditLogModel.countDocuments({ entity: 'calendar_year', action: 'import', entityId: String(YEAR) }), 2);
  },
);

test.serial(
  'POST /admin/holidays/years/:year/import › a wrong notice is refused in Chinese and changes nothing; department admins may not import',
  async (t) => {
    const monday = addDays(saturdayFrom(day('03-01')), 2);
    const before = await app.request('GET', `/api/v1/admin/holidays?year=${YEAR}&pageSize=100`, { token: center.token });
    const refused = await app.request('POST', `/api/v1/admin/holidays/years/${YEAR}/import`, {
      token: center.token,
      body: { festivals: [{ name: '清明', holidays: [day('04-05')], workingDays: [monday] }] },
    });
    t.is(refused.status, 400);
    t.is(refused.body.error.code, 'VALIDATION_FAILED');
    t.regex(refused.body.error.details.fields['body.festivals.0.workingDays.0'], /调休上班日应为周六或周日/);
    const after = await app.request('GET', `/api/v1/admin/holidays?year=${YEAR}&pageSize=100`, { token: center.token });
    t.deepEqual(after.body.items, before.body.items);
    const deptAdmin = await buildStaff('dept_admin', 'DX');
    const forbidden = await app.request('POST', `/api/v1/admin/holidays/years/${YEAR}/import`, {
      token: deptAdmin.token,
      body: { festivals: [{ name: '清明', holidays: [day('04-05')] }] },
    });
    t.is(forbidden.status, 403);
  },
);
