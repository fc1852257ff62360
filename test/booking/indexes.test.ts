// Every hot booking query reads through an index: the queries are captured from the very service
// calls the routes make (test/helpers/captured-queries.ts) and explained on the real server.
import test from 'ava';
import { Types } from 'mongoose';
import { slotReconciliationJob } from '../../jobs/slot-reconciliation.ts';
import { noShowJob } from '../../jobs/no-shows.ts';
import { bookAppointment } from '../../services/booking/book.ts';
import { cancelAppointment, rescheduleAppointment } from '../../services/booking/change.ts';
import { listOwnAppointments } from '../../services/booking/own.ts';
import { createSlotListCache, listBookableSlots } from '../../services/booking/slots.ts';
import { listDayAppointments } from '../../services/queue/day-list.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { captureQueries, explainCaptured, type CapturedQuery } from '../helpers/captured-queries.ts';
import { usesIndex } from '../helpers/explain.ts';
import { buildBookableItem, buildSlot, fillSeats, verifiedCitizen } from './fixtures.ts';

let app: TestApp;
const catalogue = () => app.caches.catalogue.current();
let item: Awaited<ReturnType<typeof buildBookableItem>>;
let slot: Awaited<ReturnType<typeof buildSlot>>;
const page = { page: 1, pageSize: 20 };

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  item = await buildBookableItem();
  // Enough other data that a collection scan would be a real alternative for the planner.
  for (let n = 0; n < 3; n += 1) {
    const other = await buildBookableItem();
    await fillSeats((await buildSlot(other.windowGroup, { capacity: 4 })).id, other.code, 3);
  }
  slot = await buildSlot(item.windowGroup, { capacity: 4 });
  await fillSeats(slot.id, item.code, 2);
  // The caches' refresh timers query on their own schedule; captured here they would be
  // counted against the booking path, so they are paused (the loaded catalogue stays).
  app.caches.stop();
});
test.after.always(() => app.close());

/**
 * Explains what `run` sent and lists the queries that did not read through an index. A guarded
 * write names its one document by _id (a primary-key point lookup); the test server's explain
 * reports that only for a bare {_id} filter, so for writes the _id equality is what is checked.
 */
async function unindexed(run: () => Promise<unknown>): Promise<string[]> {
  const captured = await captureQueries(run);
  const writes = captured.filter((q) => WRITES.has(q.method));
  const plans = await explainCaptured(captured.filter((q) => !WRITES.has(q.method)));
  if (plans.length + writes.length === 0) return ['no query was captured'];
  return [
    ...writes.filter((q) => !byId(q.params[0])).map((q) => `${describe(q)} → not by _id`),
    ...plans
      .filter(({ explained }) => !usesIndex(explained))
      .map(({ query, explained }) => `${describe(query)} → ${JSON.stringify(explained.queryPlanner?.winningPlan ?? explained).slice(0, 300)}`),
  ];
}
const WRITES = new Set(['updateOne', 'findOneAndUpdate']);
const byId = (filter: unknown) => {
  const id = (filter as { _id?: unknown } | null)?._id;
  return id instanceof Types.ObjectId || typeof id === 'string';
};
const describe = (q: CapturedQuery) => `${q.collection}.${q.method}(${JSON.stringify(q.params[0]).slice(0, 160)})`;

test.serial('GET /items/:code/slots › the slot list is one indexed query (window group, date, start)', async (t) => {
  t.deepEqual(await unindexed(() => listBookableSlots(item.code, slot.date, slot.date, fileClock(), catalogue(), createSlotListCache(0))), []);
});

test.serial('GET /staff/appointments › the day list of a department, of a window and of the whole center are indexed', async (t) => {
  const staff = { kind: 'staff' as const, id: String(new Types.ObjectId()), windows: [item.window] };
  t.deepEqual(
    await unindexed(() => listDayAppointments({ ...staff, role: 'dept_admin', department: item.department }, { date: slot.date, ...page }, catalogue())),
    [],
  );
  t.deepEqual(
    await unindexed(() =>
      listDayAppointments({ ...staff, role: 'window', department: item.department }, { date: slot.date, window: item.window, ...page }, catalogue()),
    ),
    [],
  );
  t.deepEqual(await unindexed(() => listDayAppointments({ ...staff, role: 'center_admin', department: null }, { date: slot.date, ...page }, catalogue())), []);
});

test.serial("GET /me/appointments › the citizen's own list is indexed, with and without a status", async (t) => {
  const citizen = await verifiedCitizen();
  await bookAppointment({ citizenId: citizen.id, slotId: slot.id, itemCode: item.code, now: fileClock() }, catalogue());
  t.deepEqual(await unindexed(() => listOwnAppointments(citizen.id, page)), []);
  t.deepEqual(await unindexed(() => listOwnAppointments(citizen.id, { ...page, status: 'booked' })), []);
});

test.serial('POST /appointments › every query of a booking, a refusal, a replay, a reschedule and a cancel is indexed', async (t) => {
  const citizen = await verifiedCitizen();
  const request = { citizenId: citizen.id, slotId: slot.id, itemCode: item.code, idempotencyKey: 'index-test-0001', now: fileClock() };
  let appointmentId = '';
  t.deepEqual(await unindexed(async () => (appointmentId = String((await bookAppointment(request, catalogue())).appointment._id))), []);
  t.deepEqual(await unindexed(() => bookAppointment(request, catalogue())), [], 'the replay');
  const full = await buildSlot(item.windowGroup, { capacity: 1 });
  await fillSeats(full.id, item.code, 1);
  t.deepEqual(
    await unindexed(() => bookAppointment({ ...request, slotId: full.id, idempotencyKey: undefined }, catalogue()).catch(() => undefined)),
    [],
    'a refusal',
  );
  const later = await buildSlot(item.windowGroup, { capacity: 2 });
  let movedId = '';
  t.deepEqual(
    await unindexed(async () => (movedId = String((await rescheduleAppointment(citizen.id, appointmentId, later.id, fileClock(), catalogue()))._id))),
    [],
  );
  t.deepEqual(await unindexed(() => cancelAppointment(citizen.id, movedId, fileClock())), []);
});

test.serial('jobs › the no-show sweep and the counter reconciliation read through indexes', async (t) => {
  t.deepEqual(await unindexed(() => noShowJob.run(fileClock())), []);
  t.deepEqual(await unindexed(() => slotReconciliationJob.run(fileClock())), []);
});
