// WECHAT_SANDBOX: OneTrip plays WeChat itself for a local install. WeChat's base URL points at a
// closed port here, so any request that leaked out of the sandbox would fail the test.
import test from 'ava';
import { sendSubscribeMessage } from '../../integrations/wechat/index.ts';
import { sandboxPhone, sandboxSession } from '../../integrations/wechat/sandbox.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { config, parseEnv } from '../../server/config.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { suffix } from '../helpers/factories.ts';

let app: TestApp;
test.before(async () => {
  Object.assign(config, { WECHAT_SANDBOX: true, WECHAT_API_BASE: 'http://127.0.0.1:9', WECHAT_SECRET: '' });
  app = await startTestApp();
});
test.after.always(() => app.close());

test('config › the sandbox is on by default in development only, and refused in production', (t) => {
  t.true(parseEnv({}).WECHAT_SANDBOX);
  t.false(parseEnv({ NODE_ENV: 'test' }).WECHAT_SANDBOX);
  t.true(parseEnv({ NODE_ENV: 'test', WECHAT_SANDBOX: 'true' }).WECHAT_SANDBOX);
  t.false(parseEnv({ WECHAT_SANDBOX: 'false' }).WECHAT_SANDBOX);
  t.throws(() => parseEnv({ NODE_ENV: 'production', WECHAT_SANDBOX: 'true' }), { message: /WECHAT_SANDBOX/ });
});

test('sandbox codes › map to openids and numbers; anything else is refused like a bad WeChat code', (t) => {
  t.is(sandboxSession('sandbox-zhangsan').openid, 'sandbox-zhangsan');
  t.is(sandboxPhone('sandbox-phone-13800138000').purePhoneNumber, '13800138000');
  t.throws(() => sandboxSession('081aBc000abc'), { message: /40029/ });
  t.throws(() => sandboxPhone('sandbox-phone-123'), { message: /40029/ });
});

test('POST /auth/wechat › sandbox-<name> logs in as openid sandbox-<name>, the same citizen each time', async (t) => {
  const name = `li${suffix()}`;
  const first = await app.request('POST', '/api/v1/auth/wechat', { body: { code: `sandbox-${name}` } });
  t.is(first.status, 200, first.text);
  t.truthy(first.body.token);
  const again = await app.request('POST', '/api/v1/auth/wechat', { body: { code: `sandbox-${name}` } });
  t.is(again.body.citizen.id, first.body.citizen.id);
  t.is(await CitizenModel.countDocuments({ openid: `sandbox-${name}` }), 1);
  const refused = await app.request('POST', '/api/v1/auth/wechat', { body: { code: 'not-a-sandbox-code' } });
  t.is(refused.status, 400);
  t.regex(refused.body.error.message, /[\u4e00-\u9fff]/, 'a Chinese message');
});

test('POST /me/phone › sandbox-phone-<11 digits> binds that number', async (t) => {
  const login = await app.request('POST', '/api/v1/auth/wechat', { body: { code: `sandbox-wang${suffix()}` } });
  const bound = await app.request('POST', '/api/v1/me/phone', { token: login.body.token, body: { code: 'sandbox-phone-13912345678' } });
  t.true(bound.status === 200 || bound.status === 204, bound.text);
  const me = await app.request('GET', '/api/v1/me', { token: login.body.token });
  t.regex(me.text, /139\*{4}5678/);
});

test('subscription messages › are logged, not sent', async (t) => {
  const logged: Array<Record<string, unknown>> = [];
  await sendSubscribeMessage({
    apiBase: 'http://127.0.0.1:9',
    appId: 'wx-sandbox',
    secret: '',
    sandbox: true,
    sandboxLog: (_message, details) => logged.push(details),
    toUser: 'sandbox-li',
    templateId: 'TPL',
    data: { thing1: { value: '不动产登记' } },
  });
  t.deepEqual(logged, [{ toUser: 'sandbox-li', templateId: 'TPL', page: undefined, data: { thing1: { value: '不动产登记' } } }]);
});
