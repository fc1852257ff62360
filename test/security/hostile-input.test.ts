// What the fuzz test (fuzz.test.ts) found, pinned one by one: each answered a 5xx or a bare
// status line before it was fixed.
import { gzipSync } from 'node:zlib';
import test from 'ava';
import { config } from '../../server/config.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { NOTIFY_PATH } from '../helpers/payments.ts';

let app: TestApp;
test.before(async () => {
  app = await startTestApp();
});
test.after.always(() => app.close());

const post = (path: string, body: Buffer | string, headers: Record<string, string>) =>
  app.request('POST', path, { rawBody: body, headers: { 'Content-Type': 'application/json', ...headers } });

test('any JSON route › Content-Encoding gzip over bytes that are not gzip › answers 400 MALFORMED_BODY', async (t) => {
  for (const encoding of ['gzip', 'deflate', 'br']) {
    const res = await post('/api/v1/auth/staff/login', '{"username":"a","password":"b"}', { 'Content-Encoding': encoding });
    t.is(res.status, 400, encoding);
    t.is(res.body.error.code, 'MALFORMED_BODY');
  }
});

test('any JSON route › an unknown Content-Encoding › answers 415 UNSUPPORTED_MEDIA_TYPE', async (t) => {
  const res = await post('/api/v1/auth/staff/login', '{"username":"a","password":"b"}', { 'Content-Encoding': 'br, deflate, unknown' });
  t.is(res.status, 415);
  t.is(res.body.error.code, 'UNSUPPORTED_MEDIA_TYPE');
  t.regex(res.body.error.message, /编码/);
});

test('any JSON route › a small gzip body that inflates past BODY_LIMIT_KB › answers 413', async (t) => {
  const bomb = gzipSync(`{"username":"${'Z'.repeat((config.BODY_LIMIT_KB + 16) * 1024)}"}`);
  t.true(bomb.length < 8 * 1024);
  const res = await post('/api/v1/auth/staff/login', bomb, { 'Content-Encoding': 'gzip' });
  t.is(res.status, 413);
  t.is(res.body.error.code, 'PAYLOAD_TOO_LARGE');
});

test('a known path › another method › answers 405 METHOD_NOT_ALLOWED in the envelope with Allow', async (t) => {
  const res = await app.request('DELETE', '/api/v1/departments');
  t.is(res.status, 405);
  t.is(res.body.error.code, 'METHOD_NOT_ALLOWED');
  t.regex(res.headers.get('allow') ?? '', /GET/);
});

test('any path › a method the router does not implement (PROPFIND) › answers 405, not 501', async (t) => {
  const res = await app.request('PROPFIND', '/api/v1/departments');
  t.is(res.status, 405);
  t.is(res.body.error.code, 'METHOD_NOT_ALLOWED');
});

test("any path › headers over Node's 16 KB limit › answers 431 in the envelope", async (t) => {
  const res = await app.request('GET', '/api/v1/me', { headers: { Authorization: `Bearer ${'A'.repeat(20_000)}` } });
  t.is(res.status, 431);
  t.is(res.body.error.code, 'HEADERS_TOO_LARGE');
});

for (const [name, body, headers, status] of [
  ['malformed JSON', '{"id":', {}, 400],
  ['a body over the limit', `{"id":"${'Z'.repeat((config.BODY_LIMIT_KB + 16) * 1024)}"}`, {}, 413],
  ['operator keys', '{"resource":{"$gt":""}}', {}, 400],
  ['bytes that are not gzip', '{"id":"EV-1"}', { 'Content-Encoding': 'gzip' }, 400],
] as const) {
  test(`POST /wechat/pay/notify › ${name} (refused before the route) › answers ${status} in WeChat Pay's FAIL form`, async (t) => {
    const res = await post(NOTIFY_PATH, body, headers);
    t.is(res.status, status);
    t.is(res.body.code, 'FAIL');
    t.regex(res.body.message, /[\u4e00-\u9fff]/);
    t.is(res.body.error, undefined);
  });
}

test("POST /wechat/pay/notify › headers over Node's 16 KB limit › answers 431 in the FAIL form", async (t) => {
  const res = await post(NOTIFY_PATH, '{}', { 'Wechatpay-Signature': 'A'.repeat(20_000) });
  t.is(res.status, 431);
  t.is(res.body.code, 'FAIL');
});

test('GET /wechat/pay/notify › wrong method › answers 405 in the FAIL form', async (t) => {
  const res = await app.request('GET', NOTIFY_PATH);
  t.is(res.status, 405);
  t.is(res.body.code, 'FAIL');
});

test('GET /openapi.json › the notify route › documents its refusals in the FAIL form', async (t) => {
  const res = await app.request('GET', '/openapi.json');
  const responses = res.body.paths[NOTIFY_PATH].post.responses;
  t.regex(responses['400'].content['application/json'].schema.$ref, /WechatPayFail$/);
  t.regex(res.body.paths['/api/v1/departments'].get.responses['400']?.content['application/json'].schema.$ref ?? '#/components/schemas/Error', /Error$/);
});
