// The figures' queries read indexes: a day's recompute (every publishing tick runs three), the
// stored days of a scope, and the case register of a period, among enough documents that a
// collection scan would be a real alternative.
import test from 'ava';
import mongoose, { Types } from 'mongoose';
import { ApplicationModel } from '../../models/application.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { EvaluationModel } from '../../models/evaluation.ts';
import { FiguresDailyModel } from '../../models/figures-daily.ts';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import { RectificationModel } from '../../models/rectification.ts';
import { config } from '../../server/config.ts';
import { addDays } from '../../services/calendar/zoned-time.ts';
import { recomputeDay } from '../../services/figures/store.ts';
import { serviceFigures } from '../../services/figures/read.ts';
import { registerFilter } from '../../services/figures/register-export.ts';
import { connectTestDatabase } from '../helpers/app.ts';
import { captureQueries, explainCaptured } from '../helpers/captured-queries.ts';
import { usesIndex } from '../helpers/explain.ts';
import { at } from './fixtures.ts';

const START = '2031-01-01';
const N = 1_500;
const dateOf = (i: number) => addDays(START, i % 60);

test.before(async () => {
  await connectTestDatabase();
  await Promise.all([ApplicationModel, AppointmentModel, EvaluationModel, FiguresDailyModel, QueueTicketModel, RectificationModel].map((m) => m.init()));
  const ids = Array.from({ length: N }, () => new Types.ObjectId());
  await ApplicationModel.collection.insertMany(
    ids.map((_id, i) => ({
      _id,
      itemCode: 'I1',
      department: 'D1',
      status: 'completed',
      acceptedDate: dateOf(i),
      completedDate: dateOf(i + 1),
      updatedAt: new Date(),
    })),
  );
  await AppointmentModel.collection.insertMany(
    ids.map((_, i) => ({ citizenId: new Types.ObjectId(), itemCode: 'I1', department: 'D1', date: dateOf(i), status: 'served', checkInCode: `C${i}` })),
  );
  await QueueTicketModel.collection.insertMany(
    ids.map((_, i) => ({
      windowGroup: 'G',
      date: dateOf(i),
      ticketNo: `A${i}`,
      windows: ['W1'],
      status: 'served',
      queueKey: `k${i}`,
      issuedAt: at(dateOf(i), '09:00'),
    })),
  );
  await EvaluationModel.collection.insertMany(
    ids.map((applicationId, i) => ({ applicationId, department: 'D1', itemCode: 'I1', score: 5, createdAt: at(dateOf(i), '10:00') })),
  );
  await RectificationModel.collection.insertMany(
    ids.map((applicationId, i) => ({
      applicationId,
      department: 'D1',
      itemCode: 'I1',
      deadline: dateOf(i),
      status: 'closed',
      closedAt: at(dateOf(i), '11:00'),
    })),
  );
  for (let i = 0; i < 60; i++) await recomputeDay(dateOf(i), config.TZ_NAME);
});
test.after.always(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

test.serial('figures indexes › a day’s recompute reads every collection through an index', async (t) => {
  const queries = await captureQueries(() => recomputeDay(dateOf(7), config.TZ_NAME));
  const plans = await explainCaptured(queries.filter((q) => q.method === 'find'));
  t.true(plans.length >= 6);
  for (const { query, explained } of plans) t.true(usesIndex(explained), `${query.collection} ${JSON.stringify(query.params[0])}`);
});

test.serial('figures indexes › reading a scope’s days and the register of a period use indexes', async (t) => {
  const queries = await captureQueries(() => serviceFigures({ period: 'week', from: dateOf(3), to: dateOf(20), scope: 'department:D1' }));
  const plans = await explainCaptured(queries);
  t.true(plans.length >= 1);
  for (const { query, explained } of plans)
    t.true(usesIndex(explained), `${query.collection} ${JSON.stringify(query.params)} ${JSON.stringify(explained.queryPlanner?.winningPlan)}`);
  const register = await ApplicationModel.find(registerFilter({ from: dateOf(3), to: dateOf(5), department: 'D1', unmasked: false }))
    .sort({ acceptedDate: 1 })
    .explain('queryPlanner');
  t.true(usesIndex(register as never));
});
