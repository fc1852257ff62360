import test from 'ava';
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel } from '../../models/appointment.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { reconcileCounters } from '../../services/booking/reconcile.ts';
import { buildBookableItem, buildSlot, slotState, storedCounts, verifiedCitizen } from './fixtures.ts';

let app: TestApp;
let item: Awaited<ReturnType<typeof buildBookableItem>>;

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  item = await buildBookableItem();
});
test.after.always(() => app.close());

const citizens = (count: number) => Promise.all(Array.from({ length: count }, () => verifiedCitizen()));
const book = (token: string, slotId: string) => app.request('POST', '/api/v1/appointments', { token, body: { slotId, itemCode: item.code } });
const activeIn = (slotId: string) => AppointmentModel.countDocuments({ slotId, status: { $in: ACTIVE_APPOINTMENT_STATUSES } });

test.serial('POST /appointments › 200 citizens at once at a 5-seat slot › exactly 5 bookings and remaining 0', async (t) => {
  const slot = await buildSlot(item.windowGroup, { capacity: 5 });
  const crowd = await citizens(200);
  const answers = await Promise.all(crowd.map((c) => book(c.token, slot.id)));
  const statuses = answers.map((a) => a.status);
  t.deepEqual(
    answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => [a.status, a.body]),
    [],
    'every answer is a seat or SLOT_FULL',
  );
  t.is(statuses.filter((s) => s === 201).length, 5);
  t.is(statuses.filter((s) => s === 409).length, 195);
  t.true(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'SLOT_FULL'));
  t.deepEqual(await slotState(slot.id), { booked: 5, remaining: 0 });
  t.is(await activeIn(slot.id), 5);
  await reconcileCounters(fileClock());
  t.deepEqual(await storedCounts(slot.id), { booked: 5, remaining: 0 });
  const listed = await app.request('GET', `/api/v1/items/${item.code}/slots`);
  t.false(
    listed.body.some((s: { id: string }) => s.id === slot.id),
    'a full slot is not listed',
  );
});

test.serial('POST /appointments/:id/cancel › cancelling and booking at once › ends with seat counts equal to the appointments', async (t) => {
  const slot = await buildSlot(item.windowGroup, { capacity: 5 });
  const holders = await citizens(5);
  const bookings = await Promise.all(holders.map((c) => book(c.token, slot.id)));
  t.true(bookings.every((b) => b.status === 201));
  const newcomers = await citizens(30);
  const answers = await Promise.all([
    ...holders.map((c, i) => app.request('POST', `/api/v1/appointments/${bookings[i]!.body.id}/cancel`, { token: c.token })),
    ...newcomers.map((c) => book(c.token, slot.id)),
  ]);
  t.true(
    answers.slice(0, 5).every((a) => a.status === 200),
    'every cancel succeeded',
  );
  const won = answers.slice(5).filter((a) => a.status === 201).length;
  t.true(won <= 5, `newcomers got ${won} seats`);
  const active = await activeIn(slot.id);
  const state = await slotState(slot.id);
  t.is(state.booked, active);
  t.is(state.remaining, 5 - active);
  t.is(active, won);
  await reconcileCounters(fileClock());
  t.deepEqual(await storedCounts(slot.id), state, 'after reconciliation the stored copy equals the bookings');
  // Every freed seat can be taken right after the race: no slot is left looking full.
  const late = await citizens(state.remaining);
  const lateAnswers = await Promise.all(late.map((c) => book(c.token, slot.id)));
  t.true(
    lateAnswers.every((a) => a.status === 201),
    JSON.stringify(lateAnswers.map((a) => a.body.error?.code ?? a.status)),
  );
  t.deepEqual(await slotState(slot.id), { booked: 5, remaining: 0 });
});

test.serial('POST /appointments › one citizen firing the same booking 20 times at once › gets one seat', async (t) => {
  const slot = await buildSlot(item.windowGroup, { capacity: 5 });
  const [citizen] = await citizens(1);
  const answers = await Promise.all(Array.from({ length: 20 }, () => book(citizen!.token, slot.id)));
  t.is(answers.filter((a) => a.status === 201).length, 1);
  // Racing copies may find the seats momentarily held by their twins (SLOT_FULL) or lose on the day index.
  t.true(answers.filter((a) => a.status !== 201).every((a) => ['DUPLICATE_BOOKING', 'SLOT_FULL'].includes(a.body.error.code)));
  t.deepEqual(await slotState(slot.id), { booked: 1, remaining: 4 });
});

test.serial('POST /appointments › the same Idempotency-Key sent 10 times at once › one appointment, answered to every copy', async (t) => {
  const slot = await buildSlot(item.windowGroup, { capacity: 5 });
  const [citizen] = await citizens(1);
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      app.request('POST', '/api/v1/appointments', {
        token: citizen!.token,
        body: { slotId: slot.id, itemCode: item.code },
        headers: { 'Idempotency-Key': 'double-tap-0001' },
      }),
    ),
  );
  t.deepEqual(
    answers.map((a) => (a.status === 201 ? 201 : `${a.status} ${a.body.error?.code}`)),
    Array(10).fill(201),
  );
  t.is(new Set(answers.map((a) => a.body.id)).size, 1);
  t.deepEqual(await slotState(slot.id), { booked: 1, remaining: 4 });
});

test.serial(
  'POST /appointments › duplicate and distinct bookings racing at a 5-seat slot › SLOT_FULL only once every seat is taken, DUPLICATE_BOOKING even at a full slot',
  async (t) => {
    const slot = await buildSlot(item.windowGroup, { capacity: 5 });
    // Ten citizens who already hold this item on the slot's day, at another slot.
    const elsewhere = await buildSlot(item.windowGroup, { capacity: 10 });
    t.is(elsewhere.date, slot.date);
    const holders = await citizens(10);
    t.true((await Promise.all(holders.map((c) => book(c.token, elsewhere.id)))).every((a) => a.status === 201));
    const codes = (answers: { status: number; body: { error?: { code: string } } }[]) =>
      answers.map((a) => (a.status === 201 ? 'BOOKED' : a.body.error!.code)).sort();
    const count = (list: string[], code: string) => list.filter((c) => c === code).length;

    // Three newcomers for five seats, ten duplicates: the duplicates never hold a seat, so nobody hears SLOT_FULL.
    const first = codes(await Promise.all([...(await citizens(3)).map((c) => book(c.token, slot.id)), ...holders.map((c) => book(c.token, slot.id))]));
    t.is(count(first, 'BOOKED'), 3);
    t.is(count(first, 'DUPLICATE_BOOKING'), 10);
    t.is(count(first, 'SLOT_FULL'), 0, JSON.stringify(first));
    t.deepEqual(await slotState(slot.id), { booked: 3, remaining: 2 });

    // Ten newcomers for the last two seats, the ten duplicates again: SLOT_FULL exactly for the newcomers left without a seat.
    const second = codes(await Promise.all([...(await citizens(10)).map((c) => book(c.token, slot.id)), ...holders.map((c) => book(c.token, slot.id))]));
    t.is(count(second, 'BOOKED'), 2);
    t.is(count(second, 'SLOT_FULL'), 8);
    t.is(count(second, 'DUPLICATE_BOOKING'), 10);
    t.deepEqual(await slotState(slot.id), { booked: 5, remaining: 0 });
    t.deepEqual(await storedCounts(slot.id), { booked: 5, remaining: 0 });

    // The slot is full: a duplicate still hears what is wrong with its own request.
    const late = await book(holders[0]!.token, slot.id);
    t.is(late.status, 409);
    t.is(late.body.error.code, 'DUPLICATE_BOOKING');
  },
);
