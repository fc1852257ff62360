import test from 'ava';
import { randomBytes } from 'node:crypto';
import { getAccessToken, refreshLeaseId, sendSubscribeMessage, wechatTokenModel, WechatUnavailableError } from '../../integrations/wechat/index.ts';
import { openConnection } from '../../server/db.ts';
import { useFakeWechatApps } from '../helpers/wechat-app.ts';

const dbName = `onetrip_test_wechat_token_${randomBytes(4).toString('hex')}`;
// Each test gets its own app id (so its own token row) and its own fake WeChat.
const setup = useFakeWechatApps(test, dbName);
const HOUR_MS = 3_600_000;

const message = { toUser: 'o-citizen', templateId: 'tmpl-1', data: { thing1: { value: '户籍办理' } } };

test('getAccessToken › 20 concurrent callers › WeChat sees exactly one stable_token request', async (t) => {
  const { fake, app } = await setup();
  const tokens = await Promise.all(Array.from({ length: 20 }, () => getAccessToken(app)));
  t.is(fake.tokenRequests, 1);
  t.is(new Set(tokens).size, 1);
});

test('getAccessToken › stored token › is read back, not fetched again', async (t) => {
  const { fake, app } = await setup();
  const first = await getAccessToken(app);
  t.is(await getAccessToken(app), first);
  t.is(fake.tokenRequests, 1);
  const stored = await wechatTokenModel().findById(app.appId).lean();
  t.is(stored?.token, first);
  t.true(stored!.expiresAt!.getTime() > Date.now() + HOUR_MS);
  t.is(await wechatTokenModel().findById(refreshLeaseId(app.appId)).lean(), null);
});

test('getAccessToken › two instances with their own connections › one stable_token request in all', async (t) => {
  const { fake, app } = await setup();
  const other = await openConnection(process.env.MONGODB_URI!, dbName);
  t.teardown(() => other.close());
  const calls = Array.from({ length: 10 }, (_, index) => getAccessToken(index % 2 === 0 ? app : { ...app, connection: other }));
  const tokens = await Promise.all(calls);
  t.is(fake.tokenRequests, 1);
  t.is(new Set(tokens).size, 1);
});

test('getAccessToken › token with 5 minutes or less left › is refreshed', async (t) => {
  const { fake, app } = await setup();
  const first = await getAccessToken(app);
  const later = new Date(Date.now() + 2 * HOUR_MS - 4 * 60_000);
  fake.advance(2 * HOUR_MS - 4 * 60_000);
  const renewed = await getAccessToken({ ...app, now: later });
  t.not(renewed, first);
  t.is(fake.tokenRequests, 2);
  t.is(await getAccessToken({ ...app, now: later }), renewed);
  t.is(fake.tokenRequests, 2);
});

test('getAccessToken › another instance holds a live refresh lease › waits and takes its token', async (t) => {
  const { fake, app } = await setup();
  const tokens = wechatTokenModel();
  await tokens.create({ _id: refreshLeaseId(app.appId), refreshingUntil: new Date(Date.now() + 10_000) });
  const waiting = getAccessToken(app);
  setTimeout(() => {
    void tokens
      .updateOne({ _id: app.appId }, { $set: { token: 'from-the-other-instance', expiresAt: new Date(Date.now() + HOUR_MS) } }, { upsert: true })
      .exec();
  }, 300);
  t.is(await waiting, 'from-the-other-instance');
  t.is(fake.tokenRequests, 0);
});

test('getAccessToken › refresh lease left by a crashed instance › is taken over once it runs out', async (t) => {
  const { fake, app } = await setup();
  const tokens = wechatTokenModel();
  await tokens.create({ _id: app.appId, token: 'stale', expiresAt: new Date(Date.now() - 1000) });
  await tokens.create({ _id: refreshLeaseId(app.appId), refreshingUntil: new Date(Date.now() + 500) });
  const token = await getAccessToken(app);
  t.not(token, 'stale');
  t.is(fake.tokenRequests, 1);
  t.is(await tokens.findById(refreshLeaseId(app.appId)).lean(), null);
});

test('getAccessToken › wrong secret › throws 40125 and leaves no lease behind', async (t) => {
  const { app } = await setup();
  await t.throwsAsync(getAccessToken({ ...app, secret: 'wrong' }), { message: /40125/ });
  t.is(await wechatTokenModel().findById(refreshLeaseId(app.appId)).lean(), null);
  t.is(await wechatTokenModel().findById(app.appId).lean(), null);
});

test('getAccessToken › stable_token times out › throws WechatUnavailableError', async (t) => {
  const { fake, app } = await setup();
  fake.hangNext('/cgi-bin/stable_token');
  await t.throwsAsync(getAccessToken({ ...app, timeoutMs: 200 }), { instanceOf: WechatUnavailableError });
});

test('sendSubscribeMessage › WeChat answers 40001 once › refreshes the token and retries once', async (t) => {
  const { fake, app } = await setup();
  await getAccessToken(app);
  fake.failNext('/cgi-bin/message/subscribe/send', 40001);
  await sendSubscribeMessage({ ...app, ...message });
  t.is(fake.sentMessages.length, 1);
  t.is(fake.tokenRequests, 2);
  t.is(fake.calls.filter((call) => call.path === '/cgi-bin/message/subscribe/send').length, 2);
});

test('sendSubscribeMessage › token revoked elsewhere › fetches a new token and sends', async (t) => {
  const { fake, app } = await setup();
  const revoked = await getAccessToken(app);
  fake.revokeAccessTokens();
  await sendSubscribeMessage({ ...app, ...message });
  t.is(fake.sentMessages.length, 1);
  t.not(await getAccessToken(app), revoked);
  t.is(fake.tokenRequests, 2);
});

test('sendSubscribeMessage › 40001 twice in a row › retries only once and throws', async (t) => {
  const { fake, app } = await setup();
  fake.failNext('/cgi-bin/message/subscribe/send', 40001);
  fake.failNext('/cgi-bin/message/subscribe/send', 40001);
  await t.throwsAsync(sendSubscribeMessage({ ...app, ...message }), { message: /40001/ });
  t.is(fake.calls.filter((call) => call.path === '/cgi-bin/message/subscribe/send').length, 2);
  t.deepEqual(fake.sentMessages, []);
});

test('sendSubscribeMessage › 10 concurrent sends after the token was revoked › one new token serves them all', async (t) => {
  const { fake, app } = await setup();
  await getAccessToken(app);
  fake.revokeAccessTokens();
  await Promise.all(Array.from({ length: 10 }, () => sendSubscribeMessage({ ...app, ...message })));
  t.is(fake.sentMessages.length, 10);
  t.is(fake.tokenRequests, 2);
});

test('getAccessToken › expired token read by two instances at once › refreshed once', async (t) => {
  const { fake, app } = await setup();
  const other = await openConnection(process.env.MONGODB_URI!, dbName);
  t.teardown(() => other.close());
  const first = await getAccessToken(app);
  fake.advance(2 * HOUR_MS);
  const later = new Date(Date.now() + 2 * HOUR_MS);
  const calls = Array.from({ length: 10 }, (_, index) => getAccessToken({ ...app, now: later, ...(index % 2 === 1 && { connection: other }) }));
  const tokens = new Set(await Promise.all(calls));
  t.is(tokens.size, 1);
  t.false(tokens.has(first));
  t.is(fake.tokenRequests, 2);
});
