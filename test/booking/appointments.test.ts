import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import test from 'ava';
import { AppointmentModel } from '../../models/appointment.ts';
import { createApp } from '../../server/app.ts';
import { config } from '../../server/config.ts';
import { zonedDate } from '../../services/calendar/zoned-time.ts';
import { apiRequest, startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildCitizen, buildStaff } from '../helpers/factories.ts';
import { buildBookableItem, buildSlot, fillSeats, idem, slotState, storedCounts, verifiedCitizen } from './fixtures.ts';

let app: TestApp;
let item: Awaited<ReturnType<typeof buildBookableItem>>;
const HOUR_MS = 3600_000;

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  item = await buildBookableItem();
});
test.after.always(() => app.close());

const book = (token: string, slotId: string, itemCode = item.code, headers: Record<string, string> = {}) =>
  app.request('POST', '/api/v1/appointments', { token, body: { slotId, itemCode }, headers });

test('POST /appointments › a verified citizen books a seat › answers 201 with the contract fields and takes one seat', async (t) => {
  const citizen = await verifiedCitizen();
  const slot = await buildSlot(item.windowGroup, { capacity: 2 });
  const res = await book(citizen.token, slot.id, item.code, idem('first-booking-1'));
  t.is(res.status, 201);
  t.like(res.body, { status: 'booked', itemCode: item.code, date: slot.date, start: slot.start });
  t.is(res.body.window.code, item.window);
  t.regex(res.body.checkInCode, /^[2-9A-Z]{10}$/);
  t.deepEqual(await slotState(slot.id), { booked: 1, remaining: 1 });
  const stored = await AppointmentModel.findById(res.body.id).lean();
  t.is(String(stored!.citizenId), citizen.id);
});

test('POST /appointments › slot full › answers 409 SLOT_FULL', async (t) => {
  const slot = await buildSlot(item.windowGroup, { capacity: 1 });
  t.is((await book((await verifiedCitizen()).token, slot.id)).status, 201);
  const res = await book((await verifiedCitizen()).token, slot.id);
  t.is(res.status, 409);
  t.is(res.body.error.code, 'SLOT_FULL');
  t.deepEqual(await slotState(slot.id), { booked: 1, remaining: 0 });
});

test('POST /appointments › same item the same day › answers 409 DUPLICATE_BOOKING', async (t) => {
  const citizen = await verifiedCitizen();
  const first = await buildSlot(item.windowGroup);
  const second = await buildSlot(item.windowGroup);
  t.is(first.date, second.date);
  t.is((await book(citizen.token, first.id)).status, 201);
  const res = await book(citizen.token, second.id);
  t.is(res.status, 409);
  t.is(res.body.error.code, 'DUPLICATE_BOOKING');
  t.deepEqual(await slotState(second.id), { booked: 0, remaining: 3 });
});

test('POST /appointments › more active bookings than allowed › answers 409 TOO_MANY_BOOKINGS', async (t) => {
  const citizen = await verifiedCitizen();
  for (let n = 0; n < 3; n += 1) {
    const other = await buildBookableItem();
    t.is((await book(citizen.token, (await buildSlot(other.windowGroup)).id, other.code)).status, 201);
  }
  const fourth = await buildBookableItem();
  const res = await book(citizen.token, (await buildSlot(fourth.windowGroup)).id, fourth.code);
  t.is(res.status, 409);
  t.is(res.body.error.code, 'TOO_MANY_BOOKINGS');
});

test('POST /appointments › a banned citizen › answers 409 BOOKING_BANNED with the end date of the ban', async (t) => {
  const bannedUntil = new Date(fileClock().getTime() + 20 * 24 * 3600_000);
  const citizen = await buildCitizen({ verified: true, bannedUntil });
  const res = await book(citizen.token, (await buildSlot(item.windowGroup)).id);
  t.is(res.status, 409);
  t.is(res.body.error.code, 'BOOKING_BANNED');
  t.is(res.body.error.details.bannedUntil, zonedDate(bannedUntil, config.TZ_NAME));
});

test('POST /appointments › too close to the start, not yet released, closed or past › answers 409 BOOKING_CLOSED', async (t) => {
  const citizen = await verifiedCitizen();
  const slots = [
    await buildSlot(item.windowGroup, { startsAt: new Date(fileClock().getTime() + 10 * 60_000) }),
    await buildSlot(item.windowGroup, { opensAt: new Date(fileClock().getTime() + HOUR_MS) }),
    await buildSlot(item.windowGroup, { status: 'closed' }),
    await buildSlot(item.windowGroup, { startsAt: new Date(fileClock().getTime() - 5 * HOUR_MS) }),
  ];
  for (const slot of slots) {
    const res = await book(citizen.token, slot.id);
    t.is(res.status, 409);
    t.is(res.body.error.code, 'BOOKING_CLOSED');
  }
});

test('POST /appointments › a citizen without a verified profile › answers 403 PROFILE_REQUIRED', async (t) => {
  const citizen = await buildCitizen();
  const res = await book(citizen.token, (await buildSlot(item.windowGroup)).id);
  t.is(res.status, 403);
  t.is(res.body.error.code, 'PROFILE_REQUIRED');
});

test('POST /appointments › bad and unknown slot ids, unknown items, a slot of another item › are refused precisely', async (t) => {
  const { token } = await verifiedCitizen();
  const malformed = await book(token, 'not-an-id');
  t.is(malformed.status, 400);
  t.truthy(malformed.body.error.details.fields['body.slotId']);
  const unknownSlot = await book(token, '0123456789abcdef01234567');
  t.is(unknownSlot.status, 404);
  t.is(unknownSlot.body.error.code, 'NOT_FOUND');
  const slot = await buildSlot(item.windowGroup);
  const unknownItem = await book(token, slot.id, 'NO-SUCH-ITEM');
  t.is(unknownItem.status, 404);
  t.is(unknownItem.body.error.message, '事项不存在');
  const other = await buildBookableItem();
  const mismatch = await book(token, slot.id, other.code);
  t.is(mismatch.status, 400);
  t.is(mismatch.body.error.code, 'SLOT_ITEM_MISMATCH');
  const missing = await app.request('POST', '/api/v1/appointments', { token, body: {} });
  t.is(missing.status, 400);
  t.is(missing.body.error.code, 'VALIDATION_FAILED');
});

test('POST /appointments › an item without online booking › answers 409 BOOKING_NOT_OFFERED', async (t) => {
  const offline = await buildBookableItem({ onlineBooking: false });
  const res = await book((await verifiedCitizen()).token, (await buildSlot(offline.windowGroup)).id, offline.code);
  t.is(res.status, 409);
  t.is(res.body.error.code, 'BOOKING_NOT_OFFERED');
});

test('POST /appointments › the same Idempotency-Key › returns the same appointment and takes one seat', async (t) => {
  const citizen = await verifiedCitizen();
  const slot = await buildSlot(item.windowGroup);
  const first = await book(citizen.token, slot.id, item.code, idem('retry-key-0001'));
  const again = await book(citizen.token, slot.id, item.code, idem('retry-key-0001'));
  t.is(again.status, 201);
  t.is(again.body.id, first.body.id);
  t.is(again.headers.get('idempotent-replayed'), 'true');
  t.deepEqual(await slotState(slot.id), { booked: 1, remaining: 2 });
  const badKey = await book(citizen.token, slot.id, item.code, idem('x'));
  t.is(badKey.status, 400);
});

test('POST /appointments › no token or a staff token › answers 401 and 403', async (t) => {
  const slot = await buildSlot(item.windowGroup);
  t.is((await app.request('POST', '/api/v1/appointments', { body: { slotId: slot.id, itemCode: item.code } })).status, 401);
  const staff = await buildStaff('window', item.department, [item.window]);
  t.is((await book(staff.token, slot.id)).status, 403);
});

test("GET /me/appointments › lists the caller's own appointments only", async (t) => {
  const [mine, theirs] = [await verifiedCitizen(), await verifiedCitizen()];
  const booked = await book(mine.token, (await buildSlot(item.windowGroup)).id);
  await book(theirs.token, (await buildSlot(item.windowGroup)).id);
  const res = await app.request('GET', '/api/v1/me/appointments', { token: mine.token });
  t.is(res.status, 200);
  t.is(res.body.total, 1);
  t.is(res.body.items[0].id, booked.body.id);
});

test('POST /appointments/:id/cancel › frees the seat at once, and the day can be booked again', async (t) => {
  const citizen = await verifiedCitizen();
  const slot = await buildSlot(item.windowGroup, { capacity: 1 });
  const booked = await book(citizen.token, slot.id);
  const res = await app.request('POST', `/api/v1/appointments/${booked.body.id}/cancel`, { token: citizen.token });
  t.is(res.status, 200);
  t.is(res.body.status, 'cancelled');
  t.deepEqual(await slotState(slot.id), { booked: 0, remaining: 1 });
  t.deepEqual(await storedCounts(slot.id), { booked: 0, remaining: 1 });
  t.is((await book((await verifiedCitizen()).token, slot.id)).status, 201, 'the next citizen takes the freed seat');
  t.is((await book(citizen.token, (await buildSlot(item.windowGroup)).id)).status, 201, 'the day claim was released');
  const twice = await app.request('POST', `/api/v1/appointments/${booked.body.id}/cancel`, { token: citizen.token });
  t.is(twice.status, 409);
  t.is(twice.body.error.code, 'INVALID_STATE');
});

test('POST /appointments/:id/cancel › past the cut-off › answers 409 CANCEL_CLOSED', async (t) => {
  const citizen = await verifiedCitizen();
  const slot = await buildSlot(item.windowGroup, { startsAt: new Date(fileClock().getTime() + 45 * 60_000) });
  const booked = await book(citizen.token, slot.id);
  t.is(booked.status, 201);
  const res = await app.request('POST', `/api/v1/appointments/${booked.body.id}/cancel`, { token: citizen.token });
  t.is(res.status, 409);
  t.is(res.body.error.code, 'CANCEL_CLOSED');
  t.deepEqual(await slotState(slot.id), { booked: 1, remaining: 2 });
});

test("POST /appointments/:id/cancel › someone else's appointment › answers 404", async (t) => {
  const booked = await book((await verifiedCitizen()).token, (await buildSlot(item.windowGroup)).id);
  const res = await app.request('POST', `/api/v1/appointments/${booked.body.id}/cancel`, { token: (await verifiedCitizen()).token });
  t.is(res.status, 404);
});

test('POST /appointments/:id/reschedule › takes the new seat and frees the old one', async (t) => {
  const citizen = await verifiedCitizen();
  const [from, to] = [await buildSlot(item.windowGroup), await buildSlot(item.windowGroup)];
  const booked = await book(citizen.token, from.id);
  const res = await app.request('POST', `/api/v1/appointments/${booked.body.id}/reschedule`, { token: citizen.token, body: { slotId: to.id } });
  t.is(res.status, 201);
  t.is(res.body.start, to.start);
  t.is(res.body.rescheduledFrom, booked.body.id);
  t.deepEqual(await slotState(from.id), { booked: 0, remaining: 3 });
  t.deepEqual(await slotState(to.id), { booked: 1, remaining: 2 });
  t.is((await AppointmentModel.findById(booked.body.id).lean())!.status, 'cancelled');
});

test('POST /appointments/:id/reschedule › to another time the same day › moves the booking and keeps its quota place', async (t) => {
  const citizen = await verifiedCitizen();
  const [from, to] = [await buildSlot(item.windowGroup), await buildSlot(item.windowGroup)];
  t.is(from.date, to.date);
  const booked = await book(citizen.token, from.id);
  const res = await app.request('POST', `/api/v1/appointments/${booked.body.id}/reschedule`, { token: citizen.token, body: { slotId: to.id } });
  t.is(res.status, 201);
  t.deepEqual(await storedCounts(from.id), { booked: 0, remaining: 3 });
  t.deepEqual(await storedCounts(to.id), { booked: 1, remaining: 2 });
  const held = await AppointmentModel.find({ citizenId: citizen.id, active: true }).lean();
  t.deepEqual(
    held.map((a) => [String(a._id), a.quotaPlace]),
    [[res.body.id, 0]],
    'the new booking holds the old one’s quota place',
  );
  const again = await book(citizen.token, (await buildSlot(item.windowGroup)).id);
  t.is(again.body.error?.code, 'DUPLICATE_BOOKING', 'the moved booking holds the day');
});

test('POST /appointments/:id/reschedule › to a full slot › answers 409 SLOT_FULL and keeps the old booking', async (t) => {
  const citizen = await verifiedCitizen();
  const from = await buildSlot(item.windowGroup);
  const full = await buildSlot(item.windowGroup, { capacity: 1 });
  await fillSeats(full.id, item.code, 1);
  const booked = await book(citizen.token, from.id);
  const res = await app.request('POST', `/api/v1/appointments/${booked.body.id}/reschedule`, { token: citizen.token, body: { slotId: full.id } });
  t.is(res.status, 409);
  t.is(res.body.error.code, 'SLOT_FULL');
  t.is((await AppointmentModel.findById(booked.body.id).lean())!.status, 'booked');
  t.deepEqual(await slotState(from.id), { booked: 1, remaining: 2 });
  const again = await book(citizen.token, (await buildSlot(item.windowGroup)).id);
  t.is(again.body.error?.code, 'DUPLICATE_BOOKING', 'the old booking still holds its day');
});

test('GET /items/:code/slots › shows only bookable slots with exact remaining seats', async (t) => {
  const own = await buildBookableItem();
  const open = await buildSlot(own.windowGroup, { capacity: 4 });
  await fillSeats(open.id, own.code, 1);
  await fillSeats((await buildSlot(own.windowGroup, { capacity: 2 })).id, own.code, 2);
  await buildSlot(own.windowGroup, { opensAt: new Date(fileClock().getTime() + HOUR_MS) });
  await buildSlot(own.windowGroup, { startsAt: new Date(fileClock().getTime() + 10 * 60_000) });
  await buildSlot(own.windowGroup, { status: 'closed' });
  const res = await app.request('GET', `/api/v1/items/${own.code}/slots`);
  t.is(res.status, 200);
  t.deepEqual(res.body, [{ id: open.id, date: open.date, start: open.start, end: res.body[0].end, capacity: 4, remaining: 3 }]);
});

test('GET /items/:code/slots › unknown items and bad ranges are refused', async (t) => {
  t.is((await app.request('GET', '/api/v1/items/NOPE/slots')).status, 404);
  const reversed = await app.request('GET', `/api/v1/items/${item.code}/slots?from=2026-12-10&to=2026-12-01`);
  t.is(reversed.status, 400);
  t.is((await app.request('GET', `/api/v1/items/${item.code}/slots?from=2026-02-30`)).status, 400);
});

test('POST /appointments › a seat freed through another instance › is bookable again at once', async (t) => {
  // A second instance of the app on the same database: seats live in the database only.
  const server = createApp({ caches: app.caches }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const otherUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const slot = await buildSlot(item.windowGroup, { capacity: 1 });
  const holder = await verifiedCitizen();
  const first = await book(holder.token, slot.id);
  t.is(first.status, 201);
  t.is((await book((await verifiedCitizen()).token, slot.id)).body.error.code, 'SLOT_FULL');
  t.is((await apiRequest(otherUrl, 'POST', `/api/v1/appointments/${first.body.id}/cancel`, { token: holder.token })).status, 200);
  t.is((await book((await verifiedCitizen()).token, slot.id)).status, 201);
  server.closeAllConnections();
  server.close();
});
