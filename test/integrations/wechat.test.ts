import test from 'ava';
import { randomBytes } from 'node:crypto';
import { code2Session, getPhoneNumber, sendSubscribeMessage, isRetryable, WechatApiError, WechatUnavailableError } from '../../integrations/wechat/index.ts';
import { useFakeWechatApps } from '../helpers/wechat-app.ts';

const dbName = `onetrip_test_wechat_${randomBytes(4).toString('hex')}`;
// Each test gets its own app id (so its own token row) and its own fake WeChat.
const setup = useFakeWechatApps(test, dbName);

async function apiError(promise: Promise<unknown>): Promise<WechatApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof WechatApiError)) throw new Error(`expected WechatApiError, got ${String(error)}`);
  return error;
}

test('code2Session › valid code › answers openid, unionid and session key', async (t) => {
  const { fake, app } = await setup();
  const code = fake.issueLoginCode('o-citizen-1', { unionid: 'u-1', sessionKey: 'key-1' });
  t.deepEqual(await code2Session({ ...app, code }), { openid: 'o-citizen-1', unionid: 'u-1', sessionKey: 'key-1' });
});

test('code2Session › no unionid › leaves unionid out', async (t) => {
  const { fake, app } = await setup();
  const session = await code2Session({ ...app, code: fake.issueLoginCode('o-citizen-2') });
  t.is(session.openid, 'o-citizen-2');
  t.false('unionid' in session);
});

test('code2Session › code used twice › second answers 40163, which is permanent', async (t) => {
  const { fake, app } = await setup();
  const code = fake.issueLoginCode('o-citizen-3');
  await code2Session({ ...app, code });
  const error = await apiError(code2Session({ ...app, code }));
  t.is(error.errcode, 40163);
  t.false(isRetryable(error));
});

test('code2Session › unknown code › throws 40029', async (t) => {
  const { app } = await setup();
  const error = await apiError(code2Session({ ...app, code: 'never-issued' }));
  t.is(error.errcode, 40029);
  t.is(error.path, '/sns/jscode2session');
  t.false(isRetryable(error));
});

for (const [errcode, retryable] of [
  [45011, true],
  [40226, false],
  [-1, true],
] as const) {
  test(`code2Session › WeChat answers ${errcode} › throws it, retryable ${retryable}`, async (t) => {
    const { fake, app } = await setup();
    fake.failNext('/sns/jscode2session', errcode);
    const error = await apiError(code2Session({ ...app, code: fake.issueLoginCode('o-citizen-4') }));
    t.is(error.errcode, errcode);
    t.is(isRetryable(error), retryable);
  });
}

test('code2Session › wrong secret › throws 40125 and the message holds no secret', async (t) => {
  const { fake, app } = await setup();
  const secret = 'wrong-secret-value';
  const error = await apiError(code2Session({ ...app, secret, code: fake.issueLoginCode('o-citizen-5') }));
  t.is(error.errcode, 40125);
  t.false(error.message.includes(secret));
});

test('code2Session › WeChat does not answer › throws WechatUnavailableError, retryable', async (t) => {
  const { fake, app } = await setup();
  fake.hangNext('/sns/jscode2session');
  const error = await t.throwsAsync(code2Session({ ...app, code: 'any', timeoutMs: 200 }), {
    instanceOf: WechatUnavailableError,
  });
  t.regex(error.message, /timed out/);
  t.true(isRetryable(error));
});

test('code2Session › nothing listens › throws WechatUnavailableError', async (t) => {
  const { fake, app } = await setup();
  await fake.close();
  await t.throwsAsync(code2Session({ ...app, code: 'any' }), { instanceOf: WechatUnavailableError });
});

test('getPhoneNumber › valid code › answers the number from phone_info', async (t) => {
  const { fake, app } = await setup();
  const phone = await getPhoneNumber({ ...app, code: fake.issuePhoneCode('13800138000') });
  t.deepEqual(phone, { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' });
});

test('getPhoneNumber › code used twice › second throws 40029', async (t) => {
  const { fake, app } = await setup();
  const code = fake.issuePhoneCode('13900139000');
  await getPhoneNumber({ ...app, code });
  t.is((await apiError(getPhoneNumber({ ...app, code }))).errcode, 40029);
});

test('getPhoneNumber › WeChat does not answer › throws WechatUnavailableError', async (t) => {
  const { fake, app } = await setup();
  await getPhoneNumber({ ...app, code: fake.issuePhoneCode('13700137000') }); // token now cached
  fake.hangNext('/wxa/business/getuserphonenumber');
  const code = fake.issuePhoneCode('13700137000');
  await t.throwsAsync(getPhoneNumber({ ...app, code, timeoutMs: 200 }), { instanceOf: WechatUnavailableError });
});

const reminder = {
  toUser: 'o-citizen-6',
  templateId: 'tmpl-appointment-reminder',
  page: 'pages/appointment/detail?id=42',
  data: { thing1: { value: '不动产登记' }, time2: { value: '2026-11-23 09:30' } },
  miniprogramState: 'formal' as const,
};

test('sendSubscribeMessage › valid message › WeChat records it as sent', async (t) => {
  const { fake, app } = await setup();
  await sendSubscribeMessage({ ...app, ...reminder });
  t.deepEqual(fake.sentMessages, [
    {
      touser: 'o-citizen-6',
      template_id: 'tmpl-appointment-reminder',
      page: 'pages/appointment/detail?id=42',
      data: reminder.data,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    },
  ]);
});

test('sendSubscribeMessage › user not subscribed › throws 43101, a permanent failure', async (t) => {
  const { fake, app } = await setup();
  fake.failNext('/cgi-bin/message/subscribe/send', 43101);
  const error = await apiError(sendSubscribeMessage({ ...app, ...reminder }));
  t.is(error.errcode, 43101);
  t.false(isRetryable(error));
  t.deepEqual(fake.sentMessages, []);
});

test('sendSubscribeMessage › WeChat busy › throws -1, retryable', async (t) => {
  const { fake, app } = await setup();
  fake.failNext('/cgi-bin/message/subscribe/send', -1);
  const error = await apiError(sendSubscribeMessage({ ...app, ...reminder }));
  t.is(error.errcode, -1);
  t.true(isRetryable(error));
});

test('sendSubscribeMessage › thing value over 20 characters › throws 47003, permanent', async (t) => {
  const { fake, app } = await setup();
  const data = { thing1: { value: '这是一个超过二十个字符的事项名称用来测试长度限制' } };
  const error = await apiError(sendSubscribeMessage({ ...app, ...reminder, data }));
  t.is(error.errcode, 47003);
  t.false(isRetryable(error));
  t.deepEqual(fake.sentMessages, []);
});
