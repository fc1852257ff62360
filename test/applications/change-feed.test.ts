import test from 'ava';
import mongoose from 'mongoose';
import { APPLICATION_CHANGES, ApplicationChangeModel, applicationChangeSchema, changeId } from '../../models/application-change.ts';
import { ChangeFeed, readChangesAfter, recordApplicationChange } from '../../services/applications/change-feed.ts';
import { connectTestDatabase } from '../helpers/app.ts';

let dbName: string;
let second: mongoose.Connection;

test.before(async () => {
  dbName = await connectTestDatabase();
  // A second instance: its own connection, its own cached next number.
  second = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName, retryWrites: false }).asPromise();
});
test.after.always(async () => {
  await second.close();
  await mongoose.disconnect();
});

test.serial('change feed › 50 concurrent appends from 2 connections take the numbers 1…50 without gaps or doubles', async (t) => {
  const feeds = [new ChangeFeed(), new ChangeFeed(second.model('ApplicationChange', applicationChangeSchema, APPLICATION_CHANGES) as never)];
  const numbers = await Promise.all(Array.from({ length: 50 }, (_, i) => feeds[i % 2]!.append(`app${i}`, new Date())));
  t.deepEqual([...numbers].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i + 1));
  t.is(await ApplicationChangeModel.countDocuments(), 50);
  const read = await readChangesAfter(0, 1000);
  t.deepEqual(read.map((entry) => entry.n), Array.from({ length: 50 }, (_, i) => i + 1));
  t.deepEqual(new Set(read.map((entry) => entry.applicationId)).size, 50, 'every append is there once');
});

test.serial('change feed › an instance whose cached number is behind continues after the others without a gap', async (t) => {
  const behind = new ChangeFeed();
  t.is(await behind.append('late', new Date()), 51);
  await recordApplicationChange('default', new Date());
  t.truthy(await ApplicationChangeModel.findById(changeId(52)).lean());
  t.is(await behind.append('later', new Date()), 53);
  t.deepEqual((await readChangesAfter(50, 10)).map((entry) => entry.applicationId), ['late', 'default', 'later']);
});

test.serial('change feed › a read stops at max and resumes after the last number it returned', async (t) => {
  const first = await readChangesAfter(0, 20);
  t.is(first.length, 20);
  const rest = await readChangesAfter(first.at(-1)!.n, 1000);
  t.is(rest[0]!.n, 21);
  t.is(rest.at(-1)!.n, 53);
});
