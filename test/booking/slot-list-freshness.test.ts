// Slot lists are answered from memory for SLOT_LIST_FRESH_MS (services/booking/slots.ts); the
// seat itself is always decided by the database. Here the list is kept for a minute so the test
// can look at a stale answer without racing a clock.
import test from 'ava';
import { config } from '../../server/config.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { captureQueries } from '../helpers/captured-queries.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildBookableItem, buildSlot, fillSeats, verifiedCitizen } from './fixtures.ts';

let app: TestApp;

test.before(async () => {
  Object.assign(config, { SLOT_LIST_FRESH_MS: 60_000 });
  app = await startTestApp({ clock: fileClock });
});
test.after.always(() => app.close());

const remainingListed = async (itemCode: string) => {
  const res = await app.request('GET', `/api/v1/items/${itemCode}/slots`);
  return (res.body as { remaining: number }[]).map((s) => s.remaining);
};

test.serial('GET /items/:code/slots › a list asked again within SLOT_LIST_FRESH_MS is answered from memory; booking still tells the truth', async (t) => {
  const item = await buildBookableItem();
  const slot = await buildSlot(item.windowGroup, { capacity: 2 });
  t.deepEqual(await remainingListed(item.code), [2]);
  await fillSeats(slot.id, item.code, 2);
  let again: number[] = [];
  const sent = await captureQueries(async () => {
    again = await remainingListed(item.code);
  });
  t.deepEqual(again, [2], 'the kept list');
  t.deepEqual(
    sent.filter((q) => q.collection === 'slots'),
    [],
    'no slot query for the kept list',
  );
  const citizen = await verifiedCitizen();
  const booking = await app.request('POST', '/api/v1/appointments', { token: citizen.token, body: { slotId: slot.id, itemCode: item.code } });
  t.is(booking.status, 409);
  t.is(booking.body.error.code, 'SLOT_FULL', 'the seat is decided by the database, not by the list');
  t.deepEqual(await remainingListed((await buildBookableItem()).code), [], 'another item reads its own list');
});

test.serial('GET /items/:code/slots › lists are forgotten when the caches stop', async (t) => {
  const item = await buildBookableItem();
  const slot = await buildSlot(item.windowGroup, { capacity: 3 });
  t.deepEqual(await remainingListed(item.code), [3]);
  await fillSeats(slot.id, item.code, 1);
  app.caches.slots.stop();
  t.deepEqual(await remainingListed(item.code), [2]);
});
