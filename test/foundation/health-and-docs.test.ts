import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/app.ts';

let app: TestApp;
test.before(async () => (app = await startTestApp()));
test.after.always(() => app.close());

test('GET /healthz › answers 200', async (t) => {
  const res = await app.request('GET', '/healthz');
  t.is(res.status, 200);
  t.is(res.body.status, 'ok');
});

test('GET /readyz › answers 200 while the database is reachable', async (t) => {
  const res = await app.request('GET', '/readyz');
  t.is(res.status, 200);
  t.is(res.body.status, 'ready');
});

test('GET /openapi.json › describes the catalogue routes', async (t) => {
  const res = await app.request('GET', '/openapi.json');
  t.is(res.status, 200);
  t.is(res.body.openapi, '3.1.0');
  t.truthy(res.body.paths['/api/v1/items/{code}'].get);
  t.truthy(res.body.paths['/api/v1/items'].get.parameters.find((p: { name: string }) => p.name === 'q'));
});

test('GET /docs › serves a docs page whose assets are local', async (t) => {
  const page = await app.request('GET', '/docs');
  t.is(page.status, 200);
  t.notRegex(page.text, /https?:\/\//);
  const bundle = await app.request('GET', '/docs/assets/swagger-ui-bundle.js');
  t.is(bundle.status, 200);
  t.true(bundle.text.length > 100_000);
});

test('unknown paths answer 404 in the error envelope', async (t) => {
  const res = await app.request('GET', '/api/v1/nothing-here');
  t.is(res.status, 404);
  t.is(res.body.error.code, 'NOT_FOUND');
});

test('malformed JSON answers 400 MALFORMED_BODY, not 500', async (t) => {
  const res = await app.request('POST', '/api/v1/auth/staff/login', { rawBody: '{"username": ', headers: { 'Content-Type': 'application/json' } });
  t.is(res.status, 400);
  t.is(res.body.error.code, 'MALFORMED_BODY');
});

test('an oversized JSON body answers 413', async (t) => {
  const res = await app.request('POST', '/api/v1/auth/staff/login', { body: { username: 'x'.repeat(400 * 1024), password: 'y' } });
  t.is(res.status, 413);
  t.is(res.body.error.code, 'PAYLOAD_TOO_LARGE');
});

test('every answer carries a request id and security headers', async (t) => {
  const res = await app.request('GET', '/healthz', { headers: { 'X-Request-Id': 'abcdef123456' } });
  t.is(res.headers.get('x-request-id'), 'abcdef123456');
  t.is(res.headers.get('x-content-type-options'), 'nosniff');
});
