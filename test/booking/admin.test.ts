// These tests change the shared working-day calendar (closures, extra days, confirmed years)
// that slot generation reads, so they run one at a time.
import test from 'ava';
import { AuditLogModel } from '../../models/audit-log.ts';
import { SlotModel } from '../../models/slot.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { vouchForCurrentYears } from '../helpers/calendar.ts';
import { buildStaff, buildWindow, type StaffFixture } from '../helpers/factories.ts';
import { buildBookableItem, buildSlot, fillSeats } from './fixtures.ts';

let app: TestApp;
let center: StaffFixture;
// The app's clock; a test that depends on which years the horizon reaches fixes the day.
let clock: Date | null = null;
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00', lunchStart: '12:00', lunchEnd: '13:30' }));

test.before(async () => {
  app = await startTestApp({ clock: () => clock ?? fileClock() });
  center = await buildStaff('center_admin', null);
  // The first catalogue change creates its version counter; concurrent first upserts collide on FerretDB.
  await buildBookableItem();
});
test.after.always(() => app.close());
test.afterEach.always(() => {
  clock = null;
});

test.serial('GET /admin/holidays › shows official years and warns about 2027, read-only for department admins', async (t) => {
  clock = new Date('2026-12-01T09:00:00+08:00'); // the slot horizon runs into 2027
  const deptAdmin = await buildStaff('dept_admin', 'DX');
  const res = await app.request('GET', '/api/v1/admin/holidays', { token: deptAdmin.token });
  t.is(res.status, 200);
  t.true(res.body.officialYears.includes(2026));
  t.false(res.body.officialYears.includes(2027));
  t.deepEqual(
    res.body.warnings.map((w: { year: number }) => w.year),
    [2027],
  );
  const write = await app.request('POST', '/api/v1/admin/holidays', { token: deptAdmin.token, body: { date: '2026-12-01', kind: 'closure' } });
  t.is(write.status, 403);
  const window = await buildStaff('window', 'DX');
  t.is((await app.request('GET', '/api/v1/admin/holidays', { token: window.token })).status, 403);
});

test.serial('POST /admin/holidays › a local closure removes empty slots, closes booked ones, and is audited', async (t) => {
  const undo = await vouchForCurrentYears();
  t.teardown(undo);
  const item = await buildBookableItem();
  const empty = await buildSlot(item.windowGroup);
  const booked = await buildSlot(item.windowGroup);
  await fillSeats(booked.id, item.code, 1);
  const res = await app.request('POST', '/api/v1/admin/holidays', { token: center.token, body: { date: empty.date, kind: 'closure', name: '县庆放假' } });
  t.is(res.status, 201);
  t.like(res.body, { date: empty.date, kind: 'closure', name: '县庆放假' });
  t.is(await SlotModel.countDocuments({ _id: empty.id }), 0);
  t.is((await SlotModel.findById(booked.id).lean())!.status, 'closed');
  t.truthy(await AuditLogModel.findOne({ entity: 'calendar_day', entityId: empty.date, action: 'create', 'actor.id': center.id }).lean());
  const again = await app.request('POST', '/api/v1/admin/holidays', { token: center.token, body: { date: empty.date, kind: 'closure' } });
  t.is(again.status, 409);
  t.is(again.body.error.code, 'CALENDAR_DAY_EXISTS');
  const removed = await app.request('DELETE', `/api/v1/admin/holidays/${empty.date}`, { token: center.token });
  t.is(removed.status, 200);
  t.is((await SlotModel.findById(booked.id).lean())!.status, 'open', 'the day is a working day again');
});

test.serial('PUT and DELETE /admin/holidays/:date › change and remove an entry; unknown dates are 404, bad dates 400', async (t) => {
  const date = '2026-12-26';
  t.is((await app.request('POST', '/api/v1/admin/holidays', { token: center.token, body: { date, kind: 'extra_working_day', name: '补班' } })).status, 201);
  const changed = await app.request('PUT', `/api/v1/admin/holidays/${date}`, { token: center.token, body: { kind: 'closure', name: '改为放假' } });
  t.is(changed.status, 200);
  const list = await app.request('GET', '/api/v1/admin/holidays?year=2026', { token: center.token });
  t.true(list.body.items.some((d: { date: string; kind: string }) => d.date === date && d.kind === 'closure'));
  t.is((await app.request('DELETE', `/api/v1/admin/holidays/${date}`, { token: center.token })).status, 200);
  t.is((await app.request('DELETE', `/api/v1/admin/holidays/${date}`, { token: center.token })).status, 404);
  t.is((await app.request('PUT', '/api/v1/admin/holidays/2026-13-01', { token: center.token, body: { kind: 'closure' } })).status, 400);
});

test.serial('POST /admin/holidays/years/:year/confirm › a confirmed year clears the warning, twice is fine', async (t) => {
  for (let n = 0; n < 2; n += 1) {
    t.is((await app.request('POST', '/api/v1/admin/holidays/years/2028/confirm', { token: center.token, body: {} })).status, 200);
  }
  const list = await app.request('GET', '/api/v1/admin/holidays', { token: center.token });
  t.true(list.body.confirmedYears.some((y: { year: number }) => y.year === 2028));
  t.truthy(await AuditLogModel.findOne({ entity: 'calendar_year', entityId: '2028' }).lean());
  t.is((await app.request('DELETE', '/api/v1/admin/holidays/years/2028', { token: center.token })).status, 204);
});

test.serial('/admin/schedules › department scope: an admin manages only the schedules of own windows', async (t) => {
  const undo = await vouchForCurrentYears();
  t.teardown(undo);
  const item = await buildBookableItem();
  const own = await buildStaff('dept_admin', item.department);
  const stranger = await buildStaff('dept_admin', 'OTHER');
  const body = { windows: [item.window], hours: weekdays, slotMinutes: 30, seatsPerSlot: 2 };
  t.is((await app.request('POST', '/api/v1/admin/schedules', { token: stranger.token, body })).status, 403);
  const created = await app.request('POST', '/api/v1/admin/schedules', { token: own.token, body });
  t.is(created.status, 201);
  t.is(created.body.windowGroup, item.windowGroup);
  t.true(created.body.slots.created > 0);
  t.is((await app.request('POST', '/api/v1/admin/schedules', { token: own.token, body })).body.error.code, 'SCHEDULE_EXISTS');
  t.is((await app.request('GET', `/api/v1/admin/schedules/${created.body.id}`, { token: stranger.token })).status, 404);
  t.is((await app.request('GET', '/api/v1/admin/schedules', { token: stranger.token })).body.total, 0);
  t.is((await app.request('GET', '/api/v1/admin/schedules', { token: own.token })).body.total, 1);
  t.truthy(await AuditLogModel.findOne({ entity: 'schedule', entityId: created.body.id, action: 'create' }).lean());
  const deleted = await app.request('DELETE', `/api/v1/admin/schedules/${created.body.id}`, { token: own.token });
  t.is(deleted.status, 200);
  t.is(await SlotModel.countDocuments({ windowGroup: item.windowGroup }), 0);
});

test.serial('/admin/schedules › refuses bad hours, unknown windows and windows of two departments', async (t) => {
  const item = await buildBookableItem();
  const otherWindow = await buildWindow('ANOTHER');
  const lunchOutside = [{ weekday: 1, open: '09:00', close: '12:00', lunchStart: '12:30', lunchEnd: '13:00' }];
  const cases = [
    { windows: [item.window], hours: lunchOutside, slotMinutes: 30, seatsPerSlot: 2 },
    { windows: [item.window], hours: [{ weekday: 8, open: '09:00', close: '17:00' }], slotMinutes: 30, seatsPerSlot: 2 },
    { windows: ['NO-SUCH-WINDOW'], hours: weekdays, slotMinutes: 30, seatsPerSlot: 2 },
    { windows: [item.window, otherWindow.code], hours: weekdays, slotMinutes: 30, seatsPerSlot: 2 },
    { windows: [item.window], hours: weekdays, slotMinutes: 30, seatsPerSlot: 0 },
  ];
  for (const body of cases) {
    const res = await app.request('POST', '/api/v1/admin/schedules', { token: center.token, body });
    t.is(res.status, 400, JSON.stringify(body));
    t.is(res.body.error.code, 'VALIDATION_FAILED');
  }
});
