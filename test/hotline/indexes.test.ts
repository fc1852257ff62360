// The hotline's hot queries, as the services build them, are answered through an index:
// explain() on the real server among enough documents that a scan would be an alternative.
import test from 'ava';
import mongoose, { Types } from 'mongoose';
import { HotlineRequestModel } from '../../models/hotline-request.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { staffListFilter } from '../../services/hotline/access.ts';
import { figuresMatch } from '../../services/hotline/figures.ts';
import { connectTestDatabase } from '../helpers/app.ts';
import { usesIndex } from '../helpers/explain.ts';

const citizens = Array.from({ length: 20 }, () => new Types.ObjectId());
const base = Date.UTC(2025, 5, 2, 2);

test.before(async () => {
  await connectTestDatabase();
  await HotlineRequestModel.init();
  const docs = Array.from({ length: 1_500 }, (_, i) => {
    const receivedAt = new Date(base + i * 600_000);
    const due = new Date(receivedAt.getTime() + 86_400_000);
    return {
      number: `12345-20250602-${String(i).padStart(6, '0')}`,
      type: '投诉',
      category: `C${i % 9}`,
      text: '测试诉求内容',
      channel: 'mini_program',
      citizenId: citizens[i % citizens.length],
      status: ['received', 'dispatched', 'signed', 'replied', 'closed'][i % 5],
      receivedAt,
      month: `2025-${String(1 + (i % 12)).padStart(2, '0')}`,
      department: i % 5 === 0 ? null : `D${i % 6}`,
      coHandlers: i % 11 === 0 ? ['D1'] : [],
      handlers: i % 5 === 0 ? [] : [`D${i % 6}`, ...(i % 11 === 0 ? ['D1'] : [])],
      returnedBy: [],
      signDue: due,
      contactDue: due,
      replyDue: due,
      originalReplyDue: due,
      ratingDue: due,
    };
  });
  for (let start = 0; start < docs.length; start += 500) await HotlineRequestModel.collection.insertMany(docs.slice(start, start + 500));
});
test.after.always(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

const staff: StaffPrincipal = { kind: 'staff', id: 'x', role: 'window', department: 'D1', windows: [] };
const explain = (filter: Record<string, unknown>, sort: Record<string, 1 | -1>) =>
  HotlineRequestModel.find(filter).sort(sort).limit(20).explain('queryPlanner');

test('a department’s work list (led or co-handled) uses indexes', async (t) => {
  t.true(usesIndex(await explain(staffListFilter(staff), { receivedAt: -1, _id: -1 })));
});

test('a citizen’s own requests use the citizen index', async (t) => {
  t.true(usesIndex(await explain({ citizenId: citizens[0] }, { receivedAt: -1, _id: -1 })));
});

test('the supervision and rating-window queries use the status/deadline indexes', async (t) => {
  const horizon = new Date(base + 3 * 86_400_000);
  t.true(usesIndex(await explain({ status: 'dispatched', signDue: { $lte: horizon } }, { _id: 1 })));
  t.true(usesIndex(await explain({ status: 'signed', replyDue: { $lte: horizon } }, { _id: 1 })));
  t.true(usesIndex(await explain({ status: 'replied', ratingDue: { $lt: horizon } }, { _id: 1 })));
});

// The figures' $match, as a find: what a server pushes down to the aggregation's cursor.
test('the monthly figures read one month by index', async (t) => {
  t.true(usesIndex(await HotlineRequestModel.find(figuresMatch('2025-06')).explain('queryPlanner')));
});
