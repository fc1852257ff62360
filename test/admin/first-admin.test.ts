import test from 'ava';
import mongoose from 'mongoose';
import { StaffModel } from '../../models/staff.ts';
import { ensureFirstAdmin } from '../../services/staff/first-admin.ts';
import { connectTestDatabase } from '../helpers/app.ts';

test.before(async () => void (await connectTestDatabase()));
test.after.always(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

test('ensureFirstAdmin › instances starting together create exactly one admin and none fails', async (t) => {
  const created = await Promise.all(Array.from({ length: 5 }, () => ensureFirstAdmin('admin_race', 'a-long-password')));
  t.is(created.filter(Boolean).length, 1);
  t.is(await StaffModel.countDocuments({ username: 'admin_race' }), 1);
  t.false(await ensureFirstAdmin('admin_race', 'another-password'));
});
