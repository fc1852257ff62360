import test from 'ava';
import { AppointmentModel } from '../../models/appointment.ts';
import { config } from '../../server/config.ts';
import { freeQuotaPlace } from '../../services/booking/quota.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildBookableItem, buildSlot, verifiedCitizen } from './fixtures.ts';

test('freeQuotaPlace › the lowest place the active bookings leave free, none once all are held', (t) => {
  t.is(config.MAX_ACTIVE_BOOKINGS, 3, 'the default quota');
  t.is(freeQuotaPlace([]), 0);
  t.is(freeQuotaPlace([{ quotaPlace: 1 }]), 0);
  t.is(freeQuotaPlace([{ quotaPlace: 0 }, { quotaPlace: 2 }]), 1);
  t.is(freeQuotaPlace([{ quotaPlace: 0 }, { quotaPlace: 1 }, { quotaPlace: 2 }]), null);
  // A booking older than places holds none but still counts against the quota.
  t.is(freeQuotaPlace([{ quotaPlace: null }, { quotaPlace: 0 }]), 1);
  t.is(freeQuotaPlace([{ quotaPlace: null }, { quotaPlace: 0 }, {}]), null);
});

let app: TestApp;
test.before(async () => {
  app = await startTestApp({ clock: fileClock });
});
test.after.always(() => app.close());

test.serial(
  'POST /appointments › one citizen booking more items at once than the quota › exactly MAX_ACTIVE_BOOKINGS booked, each on its own place',
  async (t) => {
    const citizen = await verifiedCitizen();
    const targets = [];
    for (let n = 0; n < config.MAX_ACTIVE_BOOKINGS + 4; n += 1) {
      const item = await buildBookableItem();
      targets.push({ item, slot: await buildSlot(item.windowGroup) });
    }
    const answers = await Promise.all(
      targets.map(({ item, slot }) => app.request('POST', '/api/v1/appointments', { token: citizen.token, body: { slotId: slot.id, itemCode: item.code } })),
    );
    const codes = answers.map((a) => (a.status === 201 ? 'BOOKED' : String(a.body.error?.code)));
    t.is(codes.filter((c) => c === 'BOOKED').length, config.MAX_ACTIVE_BOOKINGS, codes.join());
    t.true(
      codes.every((c) => c === 'BOOKED' || c === 'TOO_MANY_BOOKINGS' || c === 'REQUEST_IN_PROGRESS'),
      codes.join(),
    );
    const held = await AppointmentModel.find({ citizenId: citizen.id, active: true }, { quotaPlace: 1 }).lean();
    t.deepEqual(
      held.map((a) => a.quotaPlace).sort(),
      Array.from({ length: config.MAX_ACTIVE_BOOKINGS }, (_, n) => n),
    );
    // Cancelling frees its place at once: the next booking takes exactly that place.
    const cancelled = answers.find((a) => a.status === 201)!;
    t.is((await app.request('POST', `/api/v1/appointments/${cancelled.body.id}/cancel`, { token: citizen.token })).status, 200);
    const freed = (await AppointmentModel.findById(cancelled.body.id).lean())!.quotaPlace;
    const next = await buildBookableItem();
    const again = await app.request('POST', '/api/v1/appointments', {
      token: citizen.token,
      body: { slotId: (await buildSlot(next.windowGroup)).id, itemCode: next.code },
    });
    t.is(again.status, 201, JSON.stringify(again.body));
    t.is((await AppointmentModel.findById(again.body.id).lean())!.quotaPlace, freed);
  },
);
