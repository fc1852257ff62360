import test from 'ava';
import mongoose from 'mongoose';
import { AppointmentModel } from '../../models/appointment.ts';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import { encryptPii } from '../../services/pii/crypto.ts';
import { usesIndex } from '../helpers/explain.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildCitizen, buildDepartment, buildItem, buildStaff, buildWindow, suffix, type StaffFixture } from '../helpers/factories.ts';
import { buildAppointment } from './fixtures.ts';

let app: TestApp;
let department: string;
let windows: string[];
let itemCode: string;
let clerk: StaffFixture;
let otherClerk: StaffFixture;
let outsider: StaffFixture;
let centerAdmin: StaffFixture;

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  department = (await buildDepartment({ ticketPrefix: 'A' })).code;
  windows = [(await buildWindow(department)).code, (await buildWindow(department)).code];
  itemCode = (await buildItem({ department, windows })).code;
  clerk = await buildStaff('window', department, [windows[0]!]);
  otherClerk = await buildStaff('window', department, [windows[1]!]);
  const elsewhere = (await buildDepartment()).code;
  outsider = await buildStaff('dept_admin', elsewhere, []);
  centerAdmin = await buildStaff('center_admin', null, []);
});
test.after.always(() => app.close());

/** A fresh item with its own two windows in a hall of its own, so each test has a queue (and numbers) of its own. */
async function freshQueue() {
  const hallCode = `H${suffix()}`;
  const ws = [(await buildWindow(department, { hallCode })).code, (await buildWindow(department, { hallCode })).code];
  const code = (await buildItem({ department, windows: ws })).code;
  const staff = await buildStaff('window', department, ws);
  return { windows: ws, itemCode: code, staff };
}

test('GET /staff/appointments › lists the day in the department, names masked', async (t) => {
  const citizen = await buildCitizen({ nameEnc: encryptPii('张三丰'), verified: true });
  const booked = await buildAppointment(itemCode, citizen.id, 10);
  const res = await app.request('GET', `/api/v1/staff/appointments?date=${booked.date}&pageSize=100`, { token: clerk.token });
  t.is(res.status, 200);
  const row = res.body.items.find((a: { id: string }) => a.id === String(booked._id));
  t.is(row.citizenName, '张*丰');
  t.false(res.text.includes('张三丰'));
  const other = await app.request('GET', `/api/v1/staff/appointments?date=${booked.date}`, { token: outsider.token });
  t.false(other.body.items.some((a: { id: string }) => a.id === String(booked._id)));
  const all = await app.request('GET', `/api/v1/staff/appointments?date=${booked.date}&pageSize=100`, { token: centerAdmin.token });
  t.true(all.body.items.some((a: { id: string }) => a.id === String(booked._id)));
});

test('POST /staff/appointments/:id/check-in › issues A001 and marks the booking checked in; a second scan gives the same ticket', async (t) => {
  const q = await freshQueue();
  const citizen = await buildCitizen();
  const booked = await buildAppointment(q.itemCode, citizen.id, 20);
  const first = await app.request('POST', `/api/v1/staff/appointments/${booked._id}/check-in`, { token: q.staff.token });
  t.is(first.status, 200);
  t.is(first.body.ticketNo, 'A001');
  const again = await app.request('POST', `/api/v1/staff/check-in`, { token: q.staff.token, body: { checkInCode: booked.checkInCode } });
  t.is(again.body.ticketNo, 'A001');
  const stored = await AppointmentModel.findById(booked._id).lean();
  t.is(stored?.status, 'checked_in');
  t.is(stored?.ticketNo, 'A001');
  t.is(await QueueTicketModel.countDocuments({ appointmentId: booked._id }), 1);
});

test('POST /staff/check-in › outside the window around the slot answers 409 CHECK_IN_CLOSED', async (t) => {
  const citizen = await buildCitizen();
  const later = await buildAppointment(itemCode, citizen.id, 180);
  const res = await app.request('POST', `/api/v1/staff/check-in`, { token: clerk.token, body: { checkInCode: later.checkInCode } });
  t.is(res.status, 409);
  t.is(res.body.error.code, 'CHECK_IN_CLOSED');
  const cancelled = await buildAppointment(itemCode, citizen.id, 0, { status: 'cancelled' });
  const refused = await app.request('POST', `/api/v1/staff/appointments/${cancelled._id}/check-in`, { token: clerk.token });
  t.is(refused.status, 409);
  t.is(refused.body.error.code, 'INVALID_STATE');
});

test('POST /staff/check-in › another department answers 403, unknown code 404, no token 401', async (t) => {
  const citizen = await buildCitizen();
  const booked = await buildAppointment(itemCode, citizen.id, 0);
  const res = await app.request('POST', `/api/v1/staff/appointments/${booked._id}/check-in`, { token: outsider.token });
  t.is(res.status, 403);
  t.is((await app.request('POST', `/api/v1/staff/check-in`, { token: clerk.token, body: { checkInCode: 'NOPE0000' } })).status, 404);
  t.is((await app.request('POST', `/api/v1/staff/check-in`, { body: { checkInCode: 'NOPE0000' } })).status, 401);
});

test('POST /staff/check-in › twenty simultaneous check-ins get twenty distinct numbers', async (t) => {
  const q = await freshQueue();
  const citizen = await buildCitizen();
  const bookings = await Promise.all(Array.from({ length: 20 }, () => buildAppointment(q.itemCode, citizen.id, 5)));
  const answers = await Promise.all(bookings.map((b) => app.request('POST', `/api/v1/staff/appointments/${b._id}/check-in`, { token: q.staff.token })));
  t.true(answers.every((a) => a.status === 200));
  const numbers = answers.map((a) => a.body.ticketNo as string).sort();
  t.deepEqual(
    numbers,
    Array.from({ length: 20 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`),
  );
});

test('POST /staff/windows/:code/call-next › booked tickets go before walk-ins of the same period', async (t) => {
  const q = await freshQueue();
  const citizen = await buildCitizen();
  const walkIn = await app.request('POST', '/api/v1/staff/tickets', { token: q.staff.token, body: { itemCode: q.itemCode } });
  t.is(walkIn.status, 201);
  t.is(walkIn.body.ticketNo, 'A001');
  const booked = await buildAppointment(q.itemCode, citizen.id, -5);
  const checkIn = await app.request('POST', `/api/v1/staff/appointments/${booked._id}/check-in`, { token: q.staff.token });
  t.is(checkIn.body.ticketNo, 'A002');
  const first = await app.request('POST', `/api/v1/staff/windows/${q.windows[0]}/call-next`, { token: q.staff.token });
  t.is(first.status, 200);
  t.is(first.body.ticketNo, 'A002');
  const second = await app.request('POST', `/api/v1/staff/windows/${q.windows[0]}/call-next`, { token: q.staff.token });
  t.is(second.body.ticketNo, 'A001');
  // Calling again ended the booking's ticket, recorded as ended by the next call, so its appointment is served too.
  t.like(await QueueTicketModel.findById(first.body.id).lean(), { status: 'served', endedBy: 'next_call' });
  t.is((await AppointmentModel.findById(booked._id).lean())?.status, 'served');
  const empty = await app.request('POST', `/api/v1/staff/windows/${q.windows[0]}/call-next`, { token: q.staff.token });
  t.is(empty.status, 409);
  t.is(empty.body.error.code, 'QUEUE_EMPTY');
  // The refusal changed nothing: the ticket being served is still called at the window (完成 ends it).
  t.like(await QueueTicketModel.findById(second.body.id).lean(), { status: 'called', calledWindow: q.windows[0] });
});

test('POST /staff/windows/:code/call-next › two windows calling at once never get the same ticket', async (t) => {
  const q = await freshQueue();
  for (let i = 0; i < 10; i++) await app.request('POST', '/api/v1/staff/tickets', { token: q.staff.token, body: { itemCode: q.itemCode } });
  const calls = await Promise.all(
    Array.from({ length: 12 }, (_, i) => app.request('POST', `/api/v1/staff/windows/${q.windows[i % 2]}/call-next`, { token: q.staff.token })),
  );
  const called = calls.filter((c) => c.status === 200).map((c) => c.body.ticketNo as string);
  t.is(called.length, 10);
  t.is(new Set(called).size, 10);
  t.is(calls.filter((c) => c.status === 409).length, 2);
});

test('POST /staff/appointments/:id/check-in › five scans at once issue one ticket', async (t) => {
  const q = await freshQueue();
  const citizen = await buildCitizen();
  const booked = await buildAppointment(q.itemCode, citizen.id, 5);
  const scans = await Promise.all(
    Array.from({ length: 5 }, () => app.request('POST', `/api/v1/staff/appointments/${booked._id}/check-in`, { token: q.staff.token })),
  );
  // A scan that loses while the winner is still issuing answers 409 INVALID_STATE; none gets another number.
  t.true(scans.every((s) => s.status === 200 || (s.status === 409 && s.body.error.code === 'INVALID_STATE')));
  t.deepEqual([...new Set(scans.filter((s) => s.status === 200).map((s) => s.body.ticketNo))], ['A001']);
  t.is(await QueueTicketModel.countDocuments({ appointmentId: booked._id }), 1);
});

test('call-next › the queue order query reads through an index', async (t) => {
  const explained = await mongoose.connection.db!.command({
    explain: {
      findAndModify: QueueTicketModel.collection.collectionName,
      query: { date: '2026-03-02', windows: windows[0], status: 'waiting' },
      sort: { queueKey: 1 },
      update: { $set: { status: 'called' } },
    },
    verbosity: 'queryPlanner',
  });
  t.true(usesIndex(explained), JSON.stringify(explained.queryPlanner?.winningPlan));
});

test('POST /staff/windows/:code/call-next › window staff cannot call at a window not theirs', async (t) => {
  const res = await app.request('POST', `/api/v1/staff/windows/${windows[1]}/call-next`, { token: clerk.token });
  t.is(res.status, 403);
  t.is(res.body.error.code, 'FORBIDDEN');
  t.is((await app.request('POST', `/api/v1/staff/windows/${windows[0]}/call-next`, { token: outsider.token })).status, 403);
  t.is((await app.request('POST', `/api/v1/staff/windows/NOPE/call-next`, { token: clerk.token })).status, 404);
});

test('POST /staff/tickets/:id/serve › records call and serve times; serving twice answers 409', async (t) => {
  const q = await freshQueue();
  await app.request('POST', '/api/v1/staff/tickets', { token: q.staff.token, body: { itemCode: q.itemCode } });
  const called = await app.request('POST', `/api/v1/staff/windows/${q.windows[1]}/call-next`, { token: q.staff.token });
  t.truthy(called.body.calledAt);
  t.is(called.body.window, q.windows[1]);
  const denied = await app.request('POST', `/api/v1/staff/tickets/${called.body.id}/serve`, { token: otherClerk.token });
  t.is(denied.status, 403);
  const served = await app.request('POST', `/api/v1/staff/tickets/${called.body.id}/serve`, { token: q.staff.token });
  t.is(served.status, 200);
  t.is(served.body.status, 'served');
  t.is(served.body.endedBy, 'complete');
  t.truthy(served.body.servedAt);
  const again = await app.request('POST', `/api/v1/staff/tickets/${called.body.id}/serve`, { token: q.staff.token });
  t.is(again.status, 409);
});
