import test from 'ava';
import { connectTestDatabase } from '../helpers/app.ts';
import mongoose from 'mongoose';
import { claimOnce, releaseClaim } from '../../services/claims/claim.ts';

test.before(async () => {
  await connectTestDatabase();
});
test.after.always(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

test('claimOnce › twenty callers at once › exactly one wins', async (t) => {
  const results = await Promise.all(Array.from({ length: 20 }, () => claimOnce('test:same-key')));
  t.is(results.filter(Boolean).length, 1);
});

test('claimOnce › released › can be claimed again', async (t) => {
  t.true(await claimOnce('test:released'));
  t.false(await claimOnce('test:released'));
  await releaseClaim('test:released');
  t.true(await claimOnce('test:released'));
});
