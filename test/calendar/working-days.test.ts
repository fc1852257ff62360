import test from 'ava';
import {
  CalendarGapError,
  NO_OVERRIDES,
  calendarWarnings,
  createCalendar,
  horizonDays,
  officialCalendar,
  type CalendarOverrides,
} from '../../services/calendar/working-days.ts';
import { zonedDate, zonedInstant } from '../../services/calendar/zoned-time.ts';

const official = officialCalendar();
const calendar = createCalendar(NO_OVERRIDES, official);
const withOverrides = (overrides: Partial<CalendarOverrides>) => createCalendar({ ...NO_OVERRIDES, ...overrides }, official);

test('official data › covers the years the package carries and no later', (t) => {
  t.true(official.years.has(2025));
  t.true(official.years.has(2026));
  t.false(official.years.has(2027));
});

test('Spring Festival 2026 › 02-15..02-23 are off and the make-up Saturdays 02-14 and 02-28 are working days', (t) => {
  for (let day = 15; day <= 23; day += 1) t.false(calendar.isWorkingDay(`2026-02-${day}`), `02-${day} is off`);
  t.true(calendar.isWorkingDay('2026-02-14'));
  t.true(calendar.isWorkingDay('2026-02-28'));
  t.true(calendar.isWorkingDay('2026-02-13'));
  t.false(calendar.isWorkingDay('2026-03-01'), 'an ordinary Sunday is off');
});

test('Spring Festival 2026 › working days are counted across the holiday, the start day not counted', (t) => {
  t.is(calendar.addWorkingDays('2026-02-13', 1), '2026-02-14');
  t.is(calendar.addWorkingDays('2026-02-14', 1), '2026-02-24');
  t.is(calendar.addWorkingDays('2026-02-12', 3), '2026-02-24');
  t.is(calendar.addWorkingDays('2026-02-24', 4), '2026-02-28');
  t.is(calendar.addWorkingDays('2026-02-15', 0), '2026-02-15');
});

test('National Day 2026 › 10-01..10-07 are off and Sunday 09-20 and Saturday 10-10 are working days', (t) => {
  for (let day = 1; day <= 7; day += 1) t.false(calendar.isWorkingDay(`2026-10-0${day}`), `10-0${day} is off`);
  t.true(calendar.isWorkingDay('2026-09-20'));
  t.true(calendar.isWorkingDay('2026-10-10'));
  t.false(calendar.isWorkingDay('2026-10-11'));
});

test('National Day 2026 › the Nth working day after skips the holiday and counts the make-up days', (t) => {
  t.is(calendar.addWorkingDays('2026-09-19', 1), '2026-09-20');
  t.is(calendar.addWorkingDays('2026-09-30', 1), '2026-10-08');
  t.is(calendar.addWorkingDays('2026-09-30', 3), '2026-10-10');
  t.is(calendar.addWorkingDays('2026-09-29', 5), '2026-10-12');
  t.is(calendar.subtractWorkingDays('2026-10-08', 1), '2026-09-30');
});

test('admin overrides › a local closure is off and an extra working day is on, over the official data', (t) => {
  const local = withOverrides({ closures: new Set(['2026-11-23']), extraWorkingDays: new Set(['2026-11-22']) });
  t.false(local.isWorkingDay('2026-11-23'));
  t.true(local.isWorkingDay('2026-11-22'));
  t.is(local.addWorkingDays('2026-11-21', 2), '2026-11-24');
});

test('years without data › are unknown, refused, and not guessed as Monday to Friday', (t) => {
  t.is(calendar.status('2027-01-04'), 'unknown');
  t.throws(() => calendar.isWorkingDay('2027-01-04'), { instanceOf: CalendarGapError });
  t.throws(() => calendar.addWorkingDays('2026-12-30', 3), { instanceOf: CalendarGapError });
});

test('years without data › an admin confirmation makes the year answerable', (t) => {
  const confirmed = withOverrides({ confirmedYears: new Set([2027]), closures: new Set(['2027-01-01']) });
  t.false(confirmed.isWorkingDay('2027-01-01'));
  t.true(confirmed.isWorkingDay('2027-01-04'));
  t.is(confirmed.addWorkingDays('2026-12-30', 3), '2027-01-05');
});

test('horizon › stops at the first day of a year without data', (t) => {
  const { days, gapAt } = horizonDays(calendar, '2026-12-21', 14);
  t.is(gapAt, '2027-01-01');
  t.is(days.at(-1), '2026-12-31');
  t.false(days.some((d) => d.startsWith('2027')));
  t.is(horizonDays(calendar, '2026-11-20', 14).days.length, 14);
});

test('warnings › from 60 days before the horizon reaches a year without data, not earlier', (t) => {
  t.deepEqual(
    calendarWarnings(calendar, '2026-11-21', 14).map((w) => w.year),
    [2027],
  );
  t.deepEqual(calendarWarnings(calendar, '2026-09-01', 14), []);
  t.deepEqual(calendarWarnings(withOverrides({ confirmedYears: new Set([2027]) }), '2026-11-21', 14), []);
});

test('zoned time › a Shanghai wall-clock time is the right instant, and back', (t) => {
  const instant = zonedInstant('2026-02-14', '08:00', 'Asia/Shanghai');
  t.is(instant.toISOString(), '2026-02-14T00:00:00.000Z');
  t.is(zonedDate(new Date('2026-02-13T16:30:00Z'), 'Asia/Shanghai'), '2026-02-14');
  t.is(zonedInstant('2026-07-01', '09:30', 'Europe/Berlin').toISOString(), '2026-07-01T07:30:00.000Z');
});
