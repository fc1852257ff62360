// Working time of hotline deadlines, on the pure calendar (official 2025 holidays, no overrides).
import test from 'ava';
import { createCalendar, NO_OVERRIDES } from '../../services/calendar/working-days.ts';
import { workingDaysAfter, workingHoursAfter } from '../../services/hotline/working-time.ts';
import { limitsFor } from '../../services/hotline/limits.ts';

const calendar = createCalendar(NO_OVERRIDES);
const at = (iso: string) => new Date(iso);

test('working hours › within the day, across the evening, across a weekend and before opening', (t) => {
  t.is(workingHoursAfter(calendar, at('2025-06-10T10:00:00+08:00'), 1).toISOString(), at('2025-06-10T11:00:00+08:00').toISOString());
  t.is(workingHoursAfter(calendar, at('2025-06-10T16:30:00+08:00'), 1).toISOString(), at('2025-06-11T09:30:00+08:00').toISOString());
  // Friday 16:30 → Monday 09:30.
  t.is(workingHoursAfter(calendar, at('2025-06-13T16:30:00+08:00'), 1).toISOString(), at('2025-06-16T09:30:00+08:00').toISOString());
  t.is(workingHoursAfter(calendar, at('2025-06-10T07:00:00+08:00'), 1).toISOString(), at('2025-06-10T10:00:00+08:00').toISOString());
  // A Saturday evening call: the clock starts on Monday morning.
  t.is(workingHoursAfter(calendar, at('2025-06-14T20:00:00+08:00'), 2).toISOString(), at('2025-06-16T11:00:00+08:00').toISOString());
});

test('working days › the national day holiday and its make-up workday count as the calendar says', (t) => {
  // 2025-09-30 (Tue) + 1 working day: 10-01…10-08 are off, so 10-09 at close of office.
  t.is(workingDaysAfter(calendar, at('2025-09-30T10:00:00+08:00'), 1).toISOString(), at('2025-10-09T17:00:00+08:00').toISOString());
  // 2025-09-26 (Fri) + 1: Sunday 09-28 is a make-up working day.
  t.is(workingDaysAfter(calendar, at('2025-09-26T10:00:00+08:00'), 1).toISOString(), at('2025-09-28T17:00:00+08:00').toISOString());
});

test('limits › defaults per type, overrides per category', (t) => {
  t.deepEqual(limitsFor('咨询', null), { contactDays: 1, replyDays: 1, signHours: 1 });
  t.is(limitsFor('求助', null).replyDays, 3);
  t.is(limitsFor('投诉', null).replyDays, 5);
  t.is(limitsFor('举报', null).replyDays, 5);
  t.deepEqual(limitsFor('投诉', { replyDays: 2, signHours: 4, contactDays: null }), { contactDays: 1, replyDays: 2, signHours: 4 });
});
