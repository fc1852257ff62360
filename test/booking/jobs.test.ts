import test from 'ava';
import { AppointmentModel } from '../../models/appointment.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { SlotModel } from '../../models/slot.ts';
import { noShowJob } from '../../jobs/no-shows.ts';
import { runJobTick } from '../../jobs/runner.ts';
import { slotGenerationJob } from '../../jobs/slot-generation.ts';
import { slotReconciliationJob } from '../../jobs/slot-reconciliation.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildStaff } from '../helpers/factories.ts';
import { buildBookableItem, buildSlot, storedCounts, verifiedCitizen } from './fixtures.ts';

let app: TestApp;
const MONDAY = new Date('2026-11-23T00:10:00+08:00');
// The app's clock: the slot-generation tests put it on MONDAY, so schedule creation (which
// generates slots from "now") and the job agree on the day whatever today is.
let clock: Date | null = null;
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00', lunchStart: '12:00', lunchEnd: '13:30' }));

test.before(async () => {
  app = await startTestApp({ clock: () => clock ?? fileClock() });
});
test.after.always(() => app.close());
test.afterEach.always(() => {
  clock = null;
});

async function itemWithSchedule(seatsPerSlot = 3) {
  const item = await buildBookableItem();
  const admin = await buildStaff('dept_admin', item.department);
  const res = await app.request('POST', '/api/v1/admin/schedules', {
    token: admin.token,
    body: { windows: [item.window], hours: weekdays, slotMinutes: 30, seatsPerSlot },
  });
  if (res.status !== 201) throw new Error(`schedule not created: ${res.text}`);
  return { ...item, admin, scheduleId: res.body.id as string };
}

const slotsOf = (windowGroup: string) => SlotModel.find({ windowGroup }).sort({ date: 1, start: 1 }).lean();

test.serial('slot generation › fills the horizon on working days around the lunch break, at the release time, and is idempotent', async (t) => {
  clock = MONDAY;
  const item = await itemWithSchedule();
  t.is(await runJobTick(slotGenerationJob, MONDAY), 'ran');
  const slots = await slotsOf(item.windowGroup);
  const dates = [...new Set(slots.map((s) => s.date))];
  t.false(dates.includes('2026-11-28'), 'no slots on a Saturday');
  t.true(dates.includes('2026-12-11'), 'the 14th working day after Monday 11-23');
  t.false(dates.includes('2026-12-14'));
  const day = slots.filter((s) => s.date === '2026-12-11');
  t.is(day.length, 13, '6 morning and 7 afternoon slots of 30 minutes');
  t.false(
    day.some((s) => s.start >= '12:00' && s.start < '13:30'),
    'none in the lunch break',
  );
  t.is(day[0]!.startsAt.toISOString(), '2026-12-11T01:00:00.000Z', '09:00 in Shanghai');
  t.is(day[0]!.opensAt.toISOString(), '2026-11-23T00:00:00.000Z', 'opens at 08:00 on the day it enters the horizon');
  const again = await slotGenerationJob.run(MONDAY);
  t.is(again.created, 0);
  t.is((await slotsOf(item.windowGroup)).length, slots.length);
});

test.serial('slot generation › never touches a booked slot, and a schedule change regenerates future empty slots only', async (t) => {
  clock = MONDAY;
  const item = await itemWithSchedule();
  const [target] = await SlotModel.find({ windowGroup: item.windowGroup, opensAt: { $lte: MONDAY } })
    .sort({ startsAt: 1 })
    .limit(1)
    .lean();
  const citizen = await verifiedCitizen();
  const booked = await app.request('POST', '/api/v1/appointments', { token: citizen.token, body: { slotId: String(target!._id), itemCode: item.code } });
  t.is(booked.status, 201);
  const before = await SlotModel.findById(target!._id).lean();
  await slotGenerationJob.run(MONDAY);
  t.deepEqual(await SlotModel.findById(target!._id).lean(), before, 'the job left the booked slot as it was');
  const patch = await app.request('PATCH', `/api/v1/admin/schedules/${item.scheduleId}`, {
    token: item.admin.token,
    body: { seatsPerSlot: 8, slotMinutes: 60 },
  });
  t.is(patch.status, 200);
  t.true(patch.body.slots.removed > 0);
  const kept = await SlotModel.findById(target!._id).lean();
  t.is(kept!.capacity, 3, 'the booked slot keeps its seats');
  t.is(kept!.end, before!.end);
  const others = (await slotsOf(item.windowGroup)).filter((s) => String(s._id) !== String(target!._id));
  t.true(others.length > 0);
  t.true(
    others.every((s) => s.capacity === 8),
    'empty slots were regenerated with the new seats',
  );
});

test.serial('reconciliation › repairs a drifted seat count from the bookings', async (t) => {
  const item = await buildBookableItem();
  const slot = await buildSlot(item.windowGroup, { capacity: 4 });
  const citizen = await verifiedCitizen();
  await app.request('POST', '/api/v1/appointments', { token: citizen.token, body: { slotId: slot.id, itemCode: item.code } });
  await SlotModel.updateOne({ _id: slot.id }, { $set: { booked: 4, remaining: 0 } });
  const counts = await slotReconciliationJob.run(fileClock());
  t.true(counts.repaired! >= 1);
  t.deepEqual(await storedCounts(slot.id), { booked: 1, remaining: 3 });
});

test.serial('no-shows › bookings not checked in by slot end plus grace become no_show, and the limit bans booking', async (t) => {
  const item = await buildBookableItem();
  const citizen = await verifiedCitizen();
  const ids: string[] = [];
  for (let n = 0; n < 3; n += 1) {
    const slot = await buildSlot(item.windowGroup);
    const other = await buildBookableItem();
    const otherSlot = await buildSlot(other.windowGroup);
    const res = await app.request('POST', '/api/v1/appointments', {
      token: citizen.token,
      body: n === 0 ? { slotId: slot.id, itemCode: item.code } : { slotId: otherSlot.id, itemCode: other.code },
    });
    t.is(res.status, 201);
    ids.push(res.body.id);
  }
  const endedAt = new Date(fileClock().getTime() - 60 * 60_000);
  await AppointmentModel.updateMany({ _id: { $in: ids } }, { $set: { startsAt: new Date(endedAt.getTime() - 30 * 60_000), endsAt: endedAt } });
  // The job sweeps the whole database (other tests' bookings too): assert on this test's own.
  const statusesOf = async () => (await AppointmentModel.find({ _id: { $in: ids } }).lean()).map((a) => a.status);
  await noShowJob.run(new Date(endedAt.getTime() + 10 * 60_000));
  t.deepEqual(await statusesOf(), ['booked', 'booked', 'booked'], 'within the grace period nothing is marked');
  const now = fileClock();
  const counts = await noShowJob.run(now);
  t.true((counts.marked ?? 0) >= 3);
  t.true((counts.banned ?? 0) >= 1);
  t.deepEqual(await statusesOf(), ['no_show', 'no_show', 'no_show']);
  const citizenDoc = await CitizenModel.findById(citizen.id).lean();
  t.is(citizenDoc!.bannedUntil!.getTime(), now.getTime() + 30 * 24 * 3600_000);
  const refused = await app.request('POST', '/api/v1/appointments', {
    token: citizen.token,
    body: { slotId: (await buildSlot(item.windowGroup)).id, itemCode: item.code },
  });
  t.is(refused.body.error.code, 'BOOKING_BANNED');
  t.regex(refused.body.error.details.bannedUntil, /^\d{4}-\d{2}-\d{2}$/);
  t.is((await noShowJob.run(now)).marked, 0, 'running twice changes nothing');
});

test.serial('calendar gap › no slot opens in a year without data until an admin confirms it', async (t) => {
  const item = await itemWithSchedule();
  const lateDecember = new Date('2026-12-22T00:10:00+08:00');
  await slotGenerationJob.run(lateDecember);
  t.is(await SlotModel.countDocuments({ windowGroup: item.windowGroup, date: { $gte: '2027-01-01' } }), 0);
  const center = await buildStaff('center_admin', null);
  const confirm = await app.request('POST', '/api/v1/admin/holidays/years/2027/confirm', { token: center.token, body: { note: '已录入2027年放假安排' } });
  t.is(confirm.status, 200);
  await slotGenerationJob.run(lateDecember);
  t.true((await SlotModel.countDocuments({ windowGroup: item.windowGroup, date: { $gte: '2027-01-01' } })) > 0);
  t.is((await app.request('DELETE', '/api/v1/admin/holidays/years/2027', { token: center.token })).status, 204);
});
