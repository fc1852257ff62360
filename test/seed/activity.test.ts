import test from 'ava';
import { ApplicationModel, APPLICATION_STATUSES } from '../../models/application.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { EvaluationModel } from '../../models/evaluation.ts';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import { RectificationModel } from '../../models/rectification.ts';
import { SlotModel } from '../../models/slot.ts';
import { DEMO_STAFF_PASSWORD, seedCredentials } from '../../seed/credentials.ts';
import { seedActivity, type ActivityReport } from '../../seed/activity/index.ts';
import { seedAll } from '../../seed/seed.ts';
import { buildHallSnapshot } from '../../services/screens/build.ts';
import { generateSlots } from '../../services/booking/slot-generation.ts';
import { decryptPii } from '../../services/pii/crypto.ts';
import { idNumberProblem } from '../../services/pii/id-number.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const now = new Date('2026-11-25T10:00:00+08:00');
const TODAY = '2026-11-25';
let app: TestApp;
let first: ActivityReport;
let loadMs = 0;

test.before(async () => {
  app = await startTestApp({ clock: () => now });
  await seedAll(seedCredentials('development'));
  await generateSlots(now);
  const started = Date.now();
  first = await seedActivity(now);
  loadMs = Date.now() - started;
});
test.after.always(async () => app?.close());

const counts = async () => ({
  applications: await ApplicationModel.countDocuments(),
  appointments: await AppointmentModel.countDocuments(),
  tickets: await QueueTicketModel.countDocuments(),
  citizens: await CitizenModel.countDocuments(),
  payments: await PaymentOrderModel.countDocuments(),
  evaluations: await EvaluationModel.countDocuments(),
  rectifications: await RectificationModel.countDocuments(),
  slots: await SlotModel.countDocuments(),
});

test.serial('activity › plausible volume for a county center, every status, today busy', async (t) => {
  t.log(`loaded in ${loadMs} ms`, first);
  t.is(first.days, 31);
  t.true(first.applications / first.days >= 100, `${first.applications} applications`);
  const statuses = await ApplicationModel.distinct('status');
  for (const status of APPLICATION_STATUSES) t.true(statuses.includes(status), status);
  t.true((await AppointmentModel.countDocuments({ date: TODAY, status: 'booked', active: true })) > 0);
  t.true((await QueueTicketModel.countDocuments({ date: TODAY, status: 'called' })) > 0);
  t.true((await QueueTicketModel.countDocuments({ date: TODAY, status: 'waiting' })) > 0);
  t.true((await PaymentOrderModel.countDocuments({ status: 'paid' })) > 0);
  t.true((await ApplicationModel.countDocuments({ paid: true })) > 0);
  const bad = await EvaluationModel.findOne({ score: { $lte: 2 } }).lean();
  t.truthy(bad && (await RectificationModel.exists({ applicationId: bad.applicationId })));
  t.true((await RectificationModel.countDocuments({ status: 'closed' })) > 0);
  const completed = await ApplicationModel.find({ status: 'completed' }, { onsiteVisits: 1 }).lean();
  t.true(completed.filter((a) => (a.onsiteVisits ?? 0) <= 1).length / completed.length > 0.85);
});

test.serial('activity › counters agree with the appointments; ID numbers valid', async (t) => {
  const active = await AppointmentModel.find({ active: true }, { slotId: 1, citizenId: 1, status: 1 }).lean();
  t.true(active.every((a) => a.status === 'booked' || a.status === 'checked_in'));
  const perSlot = new Map<string, number>();
  for (const a of active) perSlot.set(String(a.slotId), (perSlot.get(String(a.slotId)) ?? 0) + 1);
  const slots = await SlotModel.find({ date: { $lte: TODAY } }, { booked: 1, remaining: 1, capacity: 1 }).lean();
  for (const s of slots) {
    t.is(s.booked, perSlot.get(String(s._id)) ?? 0);
    t.is(s.booked + s.remaining, s.capacity);
  }
  const places = await AppointmentModel.find({ active: true }, { citizenId: 1, quotaPlace: 1 }).lean();
  t.true(places.every((a) => a.quotaPlace === 0));
  t.is(new Set(places.map((a) => String(a.citizenId))).size, places.length, 'each active booking is its own citizen’s first place');
  const sample = await CitizenModel.find({}, { idNumberEnc: 1 }).limit(50).lean();
  for (const c of sample) t.is(idNumberProblem(decryptPii(c.idNumberEnc!), TODAY), undefined);
});

test.serial("activity › staff see today's list and the lobby screen shows calls", async (t) => {
  const login = await app.request('POST', '/api/v1/auth/staff/login', { body: { username: 'ga_admin', password: DEMO_STAFF_PASSWORD } });
  t.is(login.status, 200);
  const list = await app.request('GET', `/api/v1/staff/appointments?date=${TODAY}`, { token: login.body.token });
  t.is(list.status, 200, JSON.stringify(list.body));
  t.true(JSON.stringify(list.body).includes(TODAY));
  const snapshot = await buildHallSnapshot('HALL1', now, app.caches.catalogue.current());
  t.true(snapshot.windows.some((w) => w.current !== null));
  t.true(snapshot.today.booked > 0);
});

test.serial('activity › a second load inserts nothing', async (t) => {
  const before = await counts();
  const second = await seedActivity(now);
  t.is(second.applications + second.appointments + second.tickets + (second.citizens ?? 0), 0);
  t.deepEqual(await counts(), before);
});
