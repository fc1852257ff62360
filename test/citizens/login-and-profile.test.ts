import test from 'ava';
import { CitizenModel } from '../../models/citizen.ts';
import { config } from '../../server/config.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat.ts';
import { suffix } from '../helpers/factories.ts';

let app: TestApp;
let wechat: FakeWechat;

test.before(async () => {
  const appId = `wx${suffix()}${suffix()}`;
  const secret = `secret-${suffix()}`;
  wechat = await startFakeWechat({ appId, secret });
  Object.assign(config, { WECHAT_API_BASE: wechat.baseUrl, WECHAT_APPID: appId, WECHAT_SECRET: secret });
  app = await startTestApp();
});
test.after.always(async () => {
  await app.close();
  await wechat.close();
});

async function login(openid = `o${suffix()}${suffix()}`) {
  const code = wechat.issueLoginCode(openid, { sessionKey: 'SESSIONKEY-must-not-leak' });
  const res = await app.request('POST', '/api/v1/auth/wechat', { body: { code } });
  return { res, openid };
}

// A valid GB 11643 number: 11010519491231002X.
const VALID_ID = '11010519491231002X';

test('POST /auth/wechat › a fresh code logs in, creates the citizen once, never returns the session key', async (t) => {
  const { res, openid } = await login();
  t.is(res.status, 200);
  t.truthy(res.body.token);
  t.is(res.body.citizen.verified, false);
  t.notRegex(res.text, /SESSIONKEY/);
  const again = await login(openid);
  t.is(again.res.body.citizen.id, res.body.citizen.id);
  t.is(await CitizenModel.countDocuments({ openid }), 1);
});

test.serial('POST /auth/wechat › WeChat error codes become clear 4xx/503 answers', async (t) => {
  const cases: [number, number, string][] = [
    [40029, 400, 'WECHAT_CODE_INVALID'],
    [40163, 400, 'WECHAT_CODE_INVALID'],
    [40226, 403, 'FORBIDDEN'],
    [45011, 503, 'UNAVAILABLE'],
    [-1, 503, 'UNAVAILABLE'],
  ];
  for (const [errcode, status, code] of cases) {
    wechat.failNext('/sns/jscode2session', errcode);
    const res = await app.request('POST', '/api/v1/auth/wechat', { body: { code: wechat.issueLoginCode(`o${suffix()}`) } });
    t.is(res.status, status, `errcode ${errcode}`);
    t.is(res.body.error.code, code);
  }
  const reused = wechat.issueLoginCode(`o${suffix()}`);
  await app.request('POST', '/api/v1/auth/wechat', { body: { code: reused } });
  t.is((await app.request('POST', '/api/v1/auth/wechat', { body: { code: reused } })).status, 400);
});

test('PUT /me/profile › stores name, ID and phone encrypted, answers them masked', async (t) => {
  const { res } = await login();
  const token = res.body.token;
  const saved = await app.request('PUT', '/api/v1/me/profile', { token, body: { name: '张小三', idNumber: VALID_ID.toLowerCase(), phone: '13812345678' } });
  t.is(saved.status, 200, JSON.stringify(saved.body));
  t.is(saved.body.verified, true);
  t.is(saved.body.name, '张*三');
  t.is(saved.body.idNumber, '1101**********002X');
  t.is(saved.body.phone, '138****5678');
  const stored = await CitizenModel.findById(res.body.citizen.id).lean();
  const raw = JSON.stringify(stored);
  for (const secret of [VALID_ID, '13812345678', '张小三']) t.false(raw.includes(secret), `${secret} not stored in clear`);
  t.truthy(stored?.idNumberHash);
  const me = await app.request('GET', '/api/v1/me', { token });
  t.is(me.body.phone, '138****5678');
  t.false(me.text.includes('13812345678'));
});

test('PUT /me/profile › a wrong check digit or phone answers 400 naming the field', async (t) => {
  const { res } = await login();
  const badId = await app.request('PUT', '/api/v1/me/profile', {
    token: res.body.token,
    body: { name: '李四', idNumber: '110105194912310021', phone: '13812345678' },
  });
  t.is(badId.status, 400);
  t.truthy(badId.body.error.details.fields['body.idNumber']);
  const badPhone = await app.request('PUT', '/api/v1/me/profile', { token: res.body.token, body: { name: '李四', idNumber: VALID_ID, phone: '12345' } });
  t.is(badPhone.status, 400);
  t.truthy(badPhone.body.error.details.fields['body.phone']);
  t.is((await CitizenModel.findById(res.body.citizen.id).lean())?.verified, false);
});

test('POST /me/phone › fetches the number through getuserphonenumber with a stable access token', async (t) => {
  const { res } = await login();
  const code = wechat.issuePhoneCode('13900001111');
  const saved = await app.request('POST', '/api/v1/me/phone', { token: res.body.token, body: { code } });
  t.is(saved.status, 200, JSON.stringify(saved.body));
  t.is(saved.body.phone, '139****1111');
  t.true(wechat.tokenRequests >= 1);
});

test('POST /auth/refresh › a refresh token yields a new access token; an access token is refused as refresh', async (t) => {
  const { res } = await login();
  const refreshed = await app.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: res.body.refreshToken } });
  t.is(refreshed.status, 200);
  t.is((await app.request('GET', '/api/v1/me', { token: refreshed.body.token })).status, 200);
  const misuse = await app.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: res.body.token } });
  t.is(misuse.status, 401);
});

test('GET /me › staff tokens and anonymous callers are refused', async (t) => {
  t.is((await app.request('GET', '/api/v1/me')).status, 401);
});
