// Per-file setup for tests of integrations/wechat: a throwaway database on the default
// mongoose connection, and a fresh app id (so a fresh token row) with its own fake WeChat.
import type { TestFn } from 'ava';
import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { connectDatabase } from '../../server/db.ts';
import { startFakeWechat, type FakeWechat } from './fake-wechat.ts';

export interface FakeWechatApp {
  fake: FakeWechat;
  /** The options every integrations/wechat call takes, pointed at the fake. */
  app: { apiBase: string; appId: string; secret: string };
}

/** Registers the database hooks on `test`; returns a function that makes one app and its fake. */
export function useFakeWechatApps(test: TestFn, dbName: string): () => Promise<FakeWechatApp> {
  const fakes: FakeWechat[] = [];
  test.before(async () => {
    await connectDatabase(process.env.MONGODB_URI!, dbName);
  });
  test.after.always(async () => {
    await Promise.all(fakes.map((fake) => fake.close()));
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });
  return async () => {
    const appId = `wx${randomBytes(8).toString('hex')}`;
    const secret = randomBytes(16).toString('hex');
    const fake = await startFakeWechat({ appId, secret });
    fakes.push(fake);
    return { fake, app: { apiBase: fake.baseUrl, appId, secret } };
  };
}
