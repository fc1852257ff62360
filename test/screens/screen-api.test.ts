import test from 'ava';
import mongoose from 'mongoose';
import { ScreenDeviceModel } from '../../models/screen-device.ts';
import { screenSnapshotsJob } from '../../jobs/screen-snapshots.ts';
import { HotlineMonthlyModel } from '../../models/hotline-monthly.ts';
import { config } from '../../server/config.ts';
import { zonedDate } from '../../services/calendar/zoned-time.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildDepartment, buildItem, buildStaff, buildWindow, suffix, type StaffFixture } from '../helpers/factories.ts';

let app: TestApp;
let admin: StaffFixture;
let clerk: StaffFixture;
let hall: string;
let otherHall: string;
let windows: string[];
let itemCode: string;
let token: string;
let otherToken: string;

async function rebuild() {
  await screenSnapshotsJob(app.caches.catalogue).run(fileClock());
  await app.caches.screens.refresh();
}

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  hall = `H${suffix()}`;
  otherHall = `H${suffix()}`;
  const department = (await buildDepartment({ ticketPrefix: 'A' })).code;
  windows = [(await buildWindow(department, { hallCode: hall })).code, (await buildWindow(department, { hallCode: hall })).code];
  await buildWindow(department, { hallCode: otherHall });
  itemCode = (await buildItem({ department, windows })).code;
  admin = await buildStaff('center_admin', null);
  clerk = await buildStaff('window', department, windows);
  const created = await app.request('POST', '/api/v1/admin/screens', { token: admin.token, body: { code: `S-${hall}`, name: '一楼大屏', hallCode: hall } });
  token = created.body.token;
  otherToken = (
    await app.request('POST', '/api/v1/admin/screens', { token: admin.token, body: { code: `S-${otherHall}`, name: '二楼大屏', hallCode: otherHall } })
  ).body.token;
  await rebuild();
});
test.after.always(async () => {
  await app.close();
});

const poll = (hallCode: string, headers: Record<string, string> = {}) => app.request('GET', `/api/v1/screens/${hallCode}`, { headers });

test.serial('POST /admin/screens › shows the token once and stores only its hash', async (t) => {
  const device = await ScreenDeviceModel.findById(`S-${hall}`).lean();
  t.truthy(token);
  t.not(device?.tokenHash, token);
  const list = await app.request('GET', '/api/v1/admin/screens', { token: admin.token });
  t.is(list.status, 200);
  t.false(list.text.includes(token));
  t.false(list.text.includes(device!.tokenHash));
  t.is((await app.request('POST', '/api/v1/admin/screens', { token: clerk.token, body: { code: 'X', name: 'x', hallCode: hall } })).status, 403);
});

test.serial("GET /screens/:hallCode › 401 without a token, 401 with a wrong one, 403 for another hall's device", async (t) => {
  const none = await poll(hall);
  t.is(none.status, 401);
  t.is(none.body.error.code, 'UNAUTHENTICATED');
  t.is((await poll(hall, { 'X-Screen-Token': 'scr_wrong' })).status, 401);
  const other = await poll(hall, { 'X-Screen-Token': otherToken });
  t.is(other.status, 403);
  t.is(other.body.error.code, 'FORBIDDEN');
});

test.serial('GET /screens/:hallCode › answers the snapshot with a strong ETag, 304 to If-None-Match', async (t) => {
  const first = await poll(hall, { 'X-Screen-Token': token });
  t.is(first.status, 200);
  const etag = first.headers.get('etag')!;
  t.regex(etag, /^"[^"]+"$/);
  t.deepEqual(
    first.body.windows.map((w: { code: string }) => w.code),
    [...windows].sort(),
  );
  t.deepEqual(first.body.today, { booked: 0, arrived: 0, served: 0, averageWaitMinutes: null });
  const again = await poll(hall, { 'X-Screen-Token': token, 'If-None-Match': etag });
  t.is(again.status, 304);
  t.is(again.text, '');
  await rebuild();
  t.is((await poll(hall, { 'X-Screen-Token': token, 'If-None-Match': etag })).status, 304, 'an unchanged hall keeps its ETag');
});

test.serial(
  "GET /screens/:hallCode › carries the center's zone, the server's time and the device's speech setting; the ETag follows the setting",
  async (t) => {
    const first = await poll(hall, { 'X-Screen-Token': token });
    t.is(first.body.timeZone, 'Asia/Shanghai');
    t.deepEqual(first.body.screen, { code: `S-${hall}`, speech: true });
    const serverTime = Date.parse(first.headers.get('x-server-time') ?? '');
    t.true(Math.abs(serverTime - fileClock().getTime()) < 60_000); // the app's clock
    const etag = first.headers.get('etag')!;
    const unchanged = await poll(hall, { 'X-Screen-Token': token, 'If-None-Match': etag });
    t.is(unchanged.status, 304);
    t.truthy(unchanged.headers.get('x-server-time'), 'a 304 carries the time too');

    const off = await app.request('PATCH', `/api/v1/admin/screens/S-${hall}`, { token: admin.token, body: { speech: false } });
    t.is(off.status, 200);
    t.false(off.body.speech);
    const silent = await poll(hall, { 'X-Screen-Token': token, 'If-None-Match': etag });
    t.is(silent.status, 200, 'a changed setting is a new version for the device');
    t.false(silent.body.screen.speech);
    t.not(silent.headers.get('etag'), etag);
    t.deepEqual({ ...silent.body, screen: first.body.screen }, first.body, 'the hall part unchanged');
    t.is((await app.request('PATCH', `/api/v1/admin/screens/S-${hall}`, { token: admin.token, body: { speech: 'no' } })).status, 400);
    await app.request('PATCH', `/api/v1/admin/screens/S-${hall}`, { token: admin.token, body: { speech: true } });
    t.is((await poll(hall, { 'X-Screen-Token': token, 'If-None-Match': etag })).status, 304, 'switched back: the same version again');
  },
);

test.serial('GET /screens/:hallCode › polls are answered without any database query', async (t) => {
  await poll(hall, { 'X-Screen-Token': token });
  const queries: string[] = [];
  // The caches' own refresh timers query on their schedule, not per poll: paused meanwhile.
  app.caches.stop();
  mongoose.set('debug', (collection: string, method: string) => void queries.push(`${collection}.${method}`));
  try {
    for (let i = 0; i < 20; i++) t.is((await poll(hall, { 'X-Screen-Token': token })).status, 200);
  } finally {
    mongoose.set('debug', false);
    await app.caches.start();
  }
  t.deepEqual(queries, []);
});

test.serial('GET /screens/:hallCode › after a call-next the window shows the ticket and the one before, with waiting counts', async (t) => {
  for (let i = 0; i < 3; i++) await app.request('POST', '/api/v1/staff/tickets', { token: clerk.token, body: { itemCode } });
  await app.request('POST', `/api/v1/staff/windows/${windows[0]}/call-next`, { token: clerk.token });
  await app.request('POST', `/api/v1/staff/windows/${windows[0]}/call-next`, { token: clerk.token });
  await app.request('POST', '/api/v1/admin/announcements', { token: admin.token, body: { hallCode: hall, text: '今日下午业务照常办理' } });
  await app.request('POST', '/api/v1/admin/announcements', { token: admin.token, body: { hallCode: otherHall, text: '别的大厅' } });
  await rebuild();
  const res = await poll(hall, { 'X-Screen-Token': token });
  const window = res.body.windows.find((w: { code: string }) => w.code === windows[0]);
  t.is(window.current.ticketNo, 'A002');
  t.is(window.previous.ticketNo, 'A001');
  t.is(res.body.windows.find((w: { code: string }) => w.code === windows[1]).current, null);
  t.is(res.body.waiting[0].count, 1);
  t.is(res.body.today.served, 1);
  t.is(typeof res.body.today.averageWaitMinutes, 'number');
  t.deepEqual(
    res.body.announcements.map((a: { text: string }) => a.text),
    ['今日下午业务照常办理'],
  );
});

test.serial('GET /screens/:hallCode › shows the 12345 hotline of this month, summed over departments', async (t) => {
  const month = zonedDate(fileClock(), config.TZ_NAME).slice(0, 7);
  const row = (department: string, received: number, rated: number, satisfied: number) => ({
    _id: `${month}:${department}`,
    month,
    department,
    received,
    signedOnTime: received,
    contactedOnTime: received,
    repliedOnTime: received,
    replied: received,
    rated,
    satisfied,
    returned: 0,
    extended: 0,
    reopened: 0,
    computedAt: new Date(),
  });
  await HotlineMonthlyModel.insertMany([row('HA', 30, 20, 18), row('HB', 10, 5, 2)]);
  await rebuild();
  const res = await poll(hall, { 'X-Screen-Token': token });
  t.deepEqual(res.body.hotline, { month, received: 40, satisfactionRate: 0.8 });
  await HotlineMonthlyModel.deleteMany({ month });
});

test.serial('POST /admin/screens/:code/token › the old token stops working', async (t) => {
  const rotated = await app.request('POST', `/api/v1/admin/screens/S-${otherHall}/token`, { token: admin.token });
  t.is(rotated.status, 200);
  t.is((await poll(otherHall, { 'X-Screen-Token': otherToken })).status, 401);
  t.is((await poll(otherHall, { 'X-Screen-Token': rotated.body.token })).status, 200);
  const disabled = await app.request('PATCH', `/api/v1/admin/screens/S-${otherHall}`, { token: admin.token, body: { active: false } });
  t.false(disabled.body.active);
  t.is((await poll(otherHall, { 'X-Screen-Token': rotated.body.token })).status, 401);
});
