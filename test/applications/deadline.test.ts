import test from 'ava';
import chineseDays from 'chinese-days';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { ApplicationModel } from '../../models/application.ts';
import { businessDate } from '../../services/applications/business-date.ts';
import { addDays } from '../../services/calendar/zoned-time.ts';
import { caseDeadline } from '../../services/applications/deadline.ts';
import { addWorkingDays } from '../../services/applications/working-days.ts';
import { decryptPii } from '../../services/pii/crypto.ts';
import { buildScene } from './fixtures.ts';
import { CalendarDayModel } from '../../models/calendar-day.ts';

test('caseDeadline › accepted 2026-09-30 with 3 working days › crosses 国庆 to 2026-10-10, a make-up working Saturday', async (t) => {
  // chinese-days: 10-01…10-07 holiday, 10-08 and 10-09 working, 10-10 (Saturday) 调休 working day.
  t.false(chineseDays.isWorkday('2026-10-01'));
  t.true(chineseDays.isWorkday('2026-10-10'));
  t.is(await caseDeadline('2026-09-30', 3), '2026-10-10');
  t.is(await caseDeadline('2026-09-30', 1), '2026-10-08');
});

test('caseDeadline › 即办件 (0 days) › due the same day, even on a holiday', async (t) => {
  t.is(await caseDeadline('2026-09-30', 0), '2026-09-30');
  t.is(await caseDeadline('2026-10-03', 0), '2026-10-03');
});

test('caseDeadline › weekends are skipped; accepted on a weekend counts from the next working day', async (t) => {
  t.is(await caseDeadline('2026-11-20', 1), '2026-11-23'); // Friday → Monday
  t.is(await caseDeadline('2026-11-21', 1), '2026-11-23'); // Saturday → Monday
  t.is(await caseDeadline('2026-11-16', 5), '2026-11-23');
  t.is(await addWorkingDays('2026-04-30', 1), '2026-05-06'); // 劳动节 5-1…5-5
  t.is(await addWorkingDays('2025-12-31', 1), '2026-01-04'); // 元旦, then the 调休 Sunday
});

let app: TestApp;
let scene: Awaited<ReturnType<typeof buildScene>>;
test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  scene = await buildScene({ promisedLimitDays: 3 });
});
test.after.always(() => app.close());

test('POST /staff/cases › walk-in case › created accepted with the deadline and the applicant encrypted', async (t) => {
  const res = await app.request('POST', '/api/v1/staff/cases', {
    token: scene.clerk.token,
    body: { itemCode: scene.item.code, applicantName: '李四' },
  });
  t.is(res.status, 201);
  t.is(res.body.status, 'accepted');
  const today = businessDate(fileClock());
  t.is(res.body.acceptedDate, today);
  t.is(res.body.deadline, await caseDeadline(today, 3));
  t.is(res.body.applicantName, '李*');
  t.is(res.body.history.length, 1);
  const stored = await ApplicationModel.findById(res.body.id).lean();
  t.not(stored!.applicantNameEnc, '李四');
  t.is(decryptPii(stored!.applicantNameEnc!), '李四');
  t.is(stored!.citizenId, null);

  const done = await app.request('POST', `/api/v1/staff/applications/${res.body.id}/complete`, { token: scene.clerk.token, body: { onsiteVisits: 0 } });
  t.is(done.body.status, 'completed');
  t.true(done.body.onTime);
});

test('POST /staff/cases › 即办件 › due the day of acceptance; a company is stored as named', async (t) => {
  const immediate = await buildScene({ caseType: 'immediate', promisedLimitDays: 0 });
  const res = await app.request('POST', '/api/v1/staff/cases', {
    token: immediate.clerk.token,
    body: { itemCode: immediate.item.code, applicantName: '某某建设有限公司', applicantIsCompany: true },
  });
  t.is(res.status, 201);
  t.is(res.body.deadline, businessDate(fileClock()));
  t.is(res.body.applicantName, '某某建设有限公司');
});

test('POST /staff/cases › item of another department › 403 FORBIDDEN; unknown item › 404', async (t) => {
  const other = await buildScene();
  const foreign = await app.request('POST', '/api/v1/staff/cases', { token: scene.clerk.token, body: { itemCode: other.item.code, applicantName: '王五' } });
  t.is(foreign.status, 403);
  const unknown = await app.request('POST', '/api/v1/staff/cases', { token: scene.clerk.token, body: { itemCode: 'NOPE-1', applicantName: '王五' } });
  t.is(unknown.status, 404);
  const invalid = await app.request('POST', '/api/v1/staff/cases', { token: scene.clerk.token, body: { itemCode: scene.item.code } });
  t.is(invalid.status, 400);
});

test('POST /staff/applications/:id/complete › after the deadline › onTime false', async (t) => {
  const res = await app.request('POST', '/api/v1/staff/cases', { token: scene.clerk.token, body: { itemCode: scene.item.code, applicantName: '赵六' } });
  // Move the deadline into the past, as if the case had been accepted long ago.
  await ApplicationModel.updateOne({ _id: res.body.id }, { $set: { deadline: '2026-01-05' } });
  const done = await app.request('POST', `/api/v1/staff/applications/${res.body.id}/complete`, { token: scene.clerk.token, body: { onsiteVisits: 2 } });
  t.is(done.status, 200);
  t.false(done.body.onTime);
  t.is(done.body.onsiteVisits, 2);
  t.is(done.body.history.at(-1).note, '已办结（超期）');
});

test.serial('caseDeadline › into a year without official data › counted Monday–Friday plus admin closures, not refused', async (t) => {
  // 2027 is not in the package: 12-31 (Thu), then 2027-01-01, 01-04, 01-05, 01-06 as weekdays.
  t.is(await caseDeadline('2026-12-30', 5), '2027-01-06');
  await CalendarDayModel.create({ date: '2027-01-01', kind: 'closure', name: '元旦（待国务院公布）' });
  t.is(await caseDeadline('2026-12-30', 5), '2027-01-07');
  await CalendarDayModel.deleteOne({ date: '2027-01-01' });
});

test("GET /staff/applications › overdue › marked by the server's business date: past the deadline while accepted, not on its last day, not once completed", async (t) => {
  const created = await app.request('POST', '/api/v1/staff/cases', { token: scene.clerk.token, body: { itemCode: scene.item.code, applicantName: '钱七' } });
  const id = created.body.id;
  t.false(created.body.overdue);
  const today = businessDate(fileClock());
  const shown = async () => {
    const one = await app.request('GET', `/api/v1/staff/applications/${id}`, { token: scene.clerk.token });
    const list = await app.request('GET', '/api/v1/staff/applications?status=accepted&pageSize=100', { token: scene.clerk.token });
    const listed = list.body.items.find((a: { id: string }) => a.id === id);
    return [one.body.overdue, listed?.overdue ?? null];
  };
  await ApplicationModel.updateOne({ _id: id }, { $set: { deadline: today } });
  t.deepEqual(await shown(), [false, false]);
  await ApplicationModel.updateOne({ _id: id }, { $set: { deadline: addDays(today, -1) } });
  t.deepEqual(await shown(), [true, true]);
  const done = await app.request('POST', `/api/v1/staff/applications/${id}/complete`, { token: scene.clerk.token, body: { onsiteVisits: 1 } });
  t.is(done.status, 200);
  t.false(done.body.onTime);
  t.false(done.body.overdue);
});
