// Steering the queue through the API: the waiting list in call order, 绿色通道 priority,
// recall (重呼), skip (过号) and late requeue, transfer (转窗), and races between windows.
import test from 'ava';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import { config } from '../../server/config.ts';
import { buildHallSnapshot } from '../../services/screens/build.ts';
import { startTestApp, testCaches, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildCitizen, buildDepartment, buildItem, buildStaff, buildWindow, suffix, type StaffFixture } from '../helpers/factories.ts';
import { buildAppointment } from './fixtures.ts';

let app: TestApp;
let department: string;
let outsider: StaffFixture;

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  department = (await buildDepartment({ ticketPrefix: 'Q' })).code;
  outsider = await buildStaff('dept_admin', (await buildDepartment()).code, []);
});
test.after.always(() => app.close());

/** Two window groups in a hall of their own: group 1 at windows[0..1], group 2 at windows[2]. */
async function hall() {
  const hallCode = `H${suffix()}`;
  const windows = [];
  for (let i = 0; i < 3; i++) windows.push((await buildWindow(department, { hallCode })).code);
  const item = (await buildItem({ department, windows: windows.slice(0, 2) })).code;
  const otherItem = (await buildItem({ department, windows: [windows[2]!] })).code;
  const staff = await buildStaff('window', department, windows);
  const clerk0 = await buildStaff('window', department, [windows[0]!]);
  return { hallCode, windows, item, otherItem, staff, clerk0, group: [windows[0], windows[1]].sort().join('+') };
}
type Hall = Awaited<ReturnType<typeof hall>>;

const walkIn = (h: Hall, body: object = {}, item = h.item) =>
  app.request('POST', '/api/v1/staff/tickets', { token: h.staff.token, body: { itemCode: item, ...body } });
const callNext = (h: Hall, window = h.windows[0]) => app.request('POST', `/api/v1/staff/windows/${window}/call-next`, { token: h.staff.token });
const act = (h: Hall, id: string, action: string, body?: object) =>
  app.request('POST', `/api/v1/staff/tickets/${id}/${action}`, { token: h.staff.token, body });
const queue = (h: Hall, window = h.windows[0], token = h.staff.token) => app.request('GET', `/api/v1/staff/windows/${window}/queue`, { token });
const numbers = (tickets: { ticketNo: string }[]) => tickets.map((t) => t.ticketNo);

test('GET /staff/windows/:code/queue › current, waiting in call order (priority first, booked before walk-in) and skipped', async (t) => {
  const h = await hall();
  const citizen = await buildCitizen();
  const a = await walkIn(h);
  const booked = await buildAppointment(h.item, citizen.id, -5);
  const checkIn = await app.request('POST', `/api/v1/staff/appointments/${booked._id}/check-in`, { token: h.staff.token, body: {} });
  const elderly = await walkIn(h, { priority: 'elderly' });
  t.is(elderly.status, 201);
  t.like(elderly.body, { priority: 'elderly', source: 'walk_in', status: 'waiting', hallCode: h.hallCode, windowGroup: h.group, callCount: 0 });
  const listed = await queue(h);
  t.is(listed.status, 200);
  t.like(listed.body.window, { code: h.windows[0], windowGroup: h.group });
  t.is(listed.body.current, null);
  t.deepEqual(numbers(listed.body.waiting), [elderly.body.ticketNo, checkIn.body.ticketNo, a.body.ticketNo]);
  t.like(listed.body.waiting[1], { source: 'booking', appointmentId: String(booked._id) });
  // The list is the call order.
  const first = await callNext(h);
  t.is(first.body.ticketNo, elderly.body.ticketNo);
  const after = await queue(h);
  t.is(after.body.current.ticketNo, elderly.body.ticketNo);
  t.deepEqual(numbers(after.body.waiting), [checkIn.body.ticketNo, a.body.ticketNo]);
  // Another window of the group sees the same waiting list; someone else's window is refused.
  t.deepEqual(numbers((await queue(h, h.windows[1])).body.waiting), numbers(after.body.waiting));
  t.is((await queue(h, h.windows[1], h.clerk0.token)).status, 403);
  t.is((await queue(h, h.windows[0], outsider.token)).status, 403);
  t.is((await queue(h, 'NOPE')).status, 404);
});

test('POST /staff/appointments/:id/check-in › a priority booking is called before earlier walk-ins', async (t) => {
  const h = await hall();
  const citizen = await buildCitizen();
  await walkIn(h);
  const booked = await buildAppointment(h.item, citizen.id, 20);
  const checkIn = await app.request('POST', `/api/v1/staff/appointments/${booked._id}/check-in`, { token: h.staff.token, body: { priority: 'pregnant' } });
  t.is(checkIn.status, 200);
  t.is((await callNext(h)).body.ticketNo, checkIn.body.ticketNo);
  const bad = await app.request('POST', `/api/v1/staff/appointments/${booked._id}/check-in`, { token: h.staff.token, body: { priority: 'vip' } });
  t.is(bad.status, 400);
});

test('POST /staff/tickets/:id/recall › counts the call again and moves announcedAt; only a called ticket', async (t) => {
  const h = await hall();
  const waiting = await walkIn(h);
  t.is((await act(h, waiting.body.id, 'recall')).status, 409);
  await walkIn(h);
  const called = await callNext(h);
  t.is(called.body.callCount, 1);
  t.is(called.body.announcedAt, called.body.calledAt);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const recalled = await act(h, called.body.id, 'recall');
  t.is(recalled.status, 200);
  t.is(recalled.body.callCount, 2);
  t.true(recalled.body.announcedAt > called.body.announcedAt);
  t.is(recalled.body.calledAt, called.body.calledAt);
  t.is((await act(h, called.body.id, 'recall', undefined)).body.callCount, 3);
  // Another department's admin may not touch it.
  t.is((await app.request('POST', `/api/v1/staff/tickets/${called.body.id}/recall`, { token: outsider.token })).status, 403);
  t.is((await app.request('POST', `/api/v1/staff/tickets/${'0'.repeat(24)}/recall`, { token: h.staff.token })).status, 404);
});

test('POST /staff/tickets/:id/skip and /requeue › 过号 aside, then back after QUEUE_LATE_AFTER others', async (t) => {
  t.is(config.QUEUE_LATE_AFTER, 3);
  const h = await hall();
  const tickets = [];
  for (let i = 0; i < 6; i++) tickets.push((await walkIn(h)).body);
  const called = await callNext(h);
  t.is(called.body.ticketNo, tickets[0].ticketNo);
  const skipped = await act(h, called.body.id, 'skip');
  t.is(skipped.status, 200);
  t.is(skipped.body.status, 'skipped');
  t.is((await act(h, called.body.id, 'skip')).status, 409);
  const listed = await queue(h);
  t.is(listed.body.current, null);
  t.deepEqual(numbers(listed.body.skipped), [tickets[0].ticketNo]);
  // The next call is not ended by anything implicit: the skipped ticket stays skipped.
  const next = await callNext(h);
  t.is(next.body.ticketNo, tickets[1].ticketNo);
  const requeued = await act(h, called.body.id, 'requeue');
  t.is(requeued.status, 200);
  t.is(requeued.body.status, 'waiting');
  const after = await queue(h);
  t.deepEqual(
    numbers(after.body.waiting),
    [tickets[2], tickets[3], tickets[4], tickets[0], tickets[5]].map((x) => x.ticketNo),
  );
  t.deepEqual(after.body.skipped, []);
  t.is((await act(h, called.body.id, 'requeue')).status, 409);
  // Fewer than three waiting: it goes last.
  const h2 = await hall();
  const absent = (await walkIn(h2)).body;
  await callNext(h2);
  await act(h2, absent.id, 'skip');
  const lone = (await walkIn(h2)).body;
  await act(h2, absent.id, 'requeue');
  t.deepEqual(numbers((await queue(h2)).body.waiting), [lone.ticketNo, absent.ticketNo]);
});

test('POST /staff/tickets/:id/transfer › 转窗 to another group keeps the waiting time; a called ticket waits again', async (t) => {
  const h = await hall();
  const early = (await walkIn(h)).body;
  const there = [];
  for (let i = 0; i < 2; i++) there.push((await walkIn(h, {}, h.otherItem)).body);
  const moved = await act(h, early.id, 'transfer', { windowGroup: h.windows[2] });
  t.is(moved.status, 200);
  t.like(moved.body, { status: 'waiting', windowGroup: h.windows[2], ticketNo: early.ticketNo, issuedAt: early.issuedAt });
  t.deepEqual(numbers((await queue(h, h.windows[2])).body.waiting), [early.ticketNo, ...numbers(there)]);
  t.deepEqual((await queue(h)).body.waiting, []);
  // A called ticket: back to waiting in the new group, ahead of later arrivals.
  const called = await callNext(h, h.windows[2]);
  t.is(called.body.ticketNo, early.ticketNo);
  const back = await act(h, called.body.id, 'transfer', { windowGroup: h.group });
  t.like(back.body, { status: 'waiting', calledWindow: null, windowGroup: h.group });
  t.is((await callNext(h)).body.ticketNo, early.ticketNo);
  t.is((await act(h, called.body.id, 'transfer', { windowGroup: 'NOPE+NADA' })).body.error.code, 'UNKNOWN_WINDOW_GROUP');
  t.is((await act(h, called.body.id, 'transfer', { windowGroup: h.group })).body.error.code, 'SAME_WINDOW_GROUP');
  t.is((await act(h, called.body.id, 'transfer', { windowGroup: h.windows[2], extra: 1 })).status, 400);
});

test('call-next races › a window calling many times at once: each ticket called once, each end recorded', async (t) => {
  const h = await hall();
  for (let i = 0; i < 8; i++) await walkIn(h);
  const calls = await Promise.all(Array.from({ length: 10 }, (_, i) => callNext(h, h.windows[i % 2])));
  const called = calls.filter((c) => c.status === 200).map((c) => c.body.ticketNo as string);
  t.is(called.length, 8);
  t.is(new Set(called).size, 8);
  const stored = await QueueTicketModel.find({ hallCode: h.hallCode }).lean();
  t.true(stored.every((s) => s.callCount === 1));
  t.true(stored.filter((s) => s.status === 'served').every((s) => s.endedBy === 'next_call'));
  t.true(stored.every((s) => s.status === 'served' || s.status === 'called'));
});

test('call-next races › one window pressing call-next six times at once serves one ticket at a time', async (t) => {
  const h = await hall();
  for (let i = 0; i < 8; i++) await walkIn(h);
  const calls = await Promise.all(Array.from({ length: 6 }, () => callNext(h)));
  t.true(
    calls.every((c) => c.status === 200 || (c.status === 409 && c.body.error.code === 'CALL_IN_PROGRESS')),
    JSON.stringify(calls.map((c) => c.status)),
  );
  const called = calls.filter((c) => c.status === 200).map((c) => c.body.ticketNo as string);
  t.is(new Set(called).size, called.length);
  const stored = await QueueTicketModel.find({ hallCode: h.hallCode, calledWindow: h.windows[0] }).lean();
  t.is(stored.filter((s) => s.status === 'called').length, 1);
  t.is(stored.filter((s) => s.status === 'served').length, called.length - 1);
  t.true(stored.filter((s) => s.status === 'served').every((s) => s.endedBy === 'next_call'));
});

test('skip, recall and transfer racing on one ticket › exactly one state change wins each time', async (t) => {
  const h = await hall();
  for (let round = 0; round < 3; round++) {
    await walkIn(h);
    const called = await callNext(h);
    const [skip, transfer] = await Promise.all([act(h, called.body.id, 'skip'), act(h, called.body.id, 'transfer', { windowGroup: h.windows[2] })]);
    t.deepEqual([skip.status, transfer.status].sort(), [200, 409]);
    const stored = await QueueTicketModel.findById(called.body.id).lean();
    t.is(stored?.status, skip.status === 200 ? 'skipped' : 'waiting');
  }
});

test('POST /staff/tickets › numbers are unique in a hall and day across window groups sharing a prefix, under load', async (t) => {
  const h = await hall();
  const sameLetters = (await buildDepartment({ ticketPrefix: 'Q' })).code;
  const window = (await buildWindow(sameLetters, { hallCode: h.hallCode })).code;
  const item = (await buildItem({ department: sameLetters, windows: [window] })).code;
  const staff = await buildStaff('center_admin', null, []);
  const issued = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      app.request('POST', '/api/v1/staff/tickets', { token: staff.token, body: { itemCode: [h.item, h.otherItem, item][i % 3] } }),
    ),
  );
  t.true(issued.every((r) => r.status === 201));
  t.deepEqual(
    issued.map((r) => r.body.ticketNo as string).sort(),
    Array.from({ length: 30 }, (_, i) => `Q${String(i + 1).padStart(3, '0')}`),
  );
  // Without a configured prefix, a department numbers after its code's letters.
  const plain = await buildDepartment();
  const plainWindow = (await buildWindow(plain.code, { hallCode: h.hallCode })).code;
  const plainItem = (await buildItem({ department: plain.code, windows: [plainWindow] })).code;
  const ticket = await app.request('POST', '/api/v1/staff/tickets', { token: staff.token, body: { itemCode: plainItem } });
  t.is(ticket.body.ticketNo, `${plain.code.replace(/[^A-Z]/g, '').slice(0, 2)}001`);
});

test("lobby snapshot › a window's call carries callCount and announcedAt, moved by a recall", async (t) => {
  const h = await hall();
  await walkIn(h);
  const called = await callNext(h);
  const snapshot = async () =>
    (await buildHallSnapshot(h.hallCode, fileClock(), testCaches().catalogue.current())).windows.find((w) => w.code === h.windows[0])!;
  t.like((await snapshot()).current, { ticketNo: called.body.ticketNo, callCount: 1, announcedAt: called.body.announcedAt });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const recalled = await act(h, called.body.id, 'recall');
  const shown = (await snapshot()).current!;
  t.is(shown.callCount, 2);
  t.is(shown.announcedAt, recalled.body.announcedAt);
  t.not(shown.announcedAt, called.body.announcedAt);
});
