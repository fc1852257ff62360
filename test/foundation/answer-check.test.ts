// The answer check that keeps the OpenAPI document honest in tests: routes that answer other
// than they declare come back as 500 ANSWER_MISMATCH naming the problem. The routes here are
// deliberately wrong and live only in this test's own app (no database needed).
import test from 'ava';
import Router from '@koa/router';
import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { notFound } from '../../server/errors.ts';
import { checkAnswers } from '../../server/middleware/check-answers.ts';
import { errorHandler } from '../../server/middleware/error-handler.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';

const router = new Router<AppState>({ prefix: '/check' });
const Thing = z.object({ id: z.string(), name: z.string() });
const tags = ['test'];
const access = 'public' as const;

defineRoute(router, { method: 'get', path: '/right', summary: 'right', tags, access, response: Thing }, (ctx) => {
  ctx.body = { id: '1', name: '对' };
});
defineRoute(router, { method: 'get', path: '/extra-field', summary: 'extra', tags, access, response: Thing }, (ctx) => {
  ctx.body = { id: '1', name: '多', _id: 'leaked' };
});
defineRoute(router, { method: 'get', path: '/nested-extra', summary: 'nested', tags, access, response: z.object({ items: z.array(Thing) }) }, (ctx) => {
  ctx.body = {
    items: [
      { id: '1', name: 'a' },
      { id: '2', name: 'b', secret: 'x' },
    ],
  };
});
defineRoute(router, { method: 'get', path: '/missing-field', summary: 'missing', tags, access, response: Thing }, (ctx) => {
  ctx.body = { id: '1' };
});
defineRoute(router, { method: 'post', path: '/wrong-status', summary: 'status', tags, access, response: Thing, status: 201 }, (ctx) => {
  ctx.body = { id: '1', name: '状态' };
});
defineRoute(router, { method: 'delete', path: '/no-content', summary: '204', tags, access, status: 204 }, (ctx) => {
  ctx.status = 204;
});
defineRoute(router, { method: 'delete', path: '/body-on-204', summary: 'body', tags, access, status: 200 }, (ctx) => {
  ctx.body = { done: true };
});
defineRoute(router, { method: 'get', path: '/refusal', summary: 'refusal', tags, access, response: Thing }, () => {
  throw notFound('东西');
});
defineRoute(router, { method: 'get', path: '/bad-refusal', summary: 'bad refusal', tags, access, response: Thing }, (ctx) => {
  ctx.status = 409;
  ctx.body = { message: 'conflict without the envelope' };
});
defineRoute(router, { method: 'get', path: '/cached-text', summary: 'text', tags, access, response: Thing }, (ctx) => {
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({ id: '1', name: '文本', extra: 1 });
});

let baseUrl = '';
let server: ReturnType<Koa<AppState>['listen']> | undefined;
test.before(async () => {
  const app = new Koa<AppState>();
  app.use(checkAnswers());
  app.use(errorHandler());
  app.use(router.routes());
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.after.always(() => server?.close());

async function call(method: string, path: string) {
  const response = await fetch(`${baseUrl}/check${path}`, { method });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

test('answer check › an answer as declared passes untouched', async (t) => {
  t.deepEqual(await call('GET', '/right'), { status: 200, body: { id: '1', name: '对' } });
  t.is((await call('DELETE', '/no-content')).status, 204);
  const refusal = await call('GET', '/refusal');
  t.is(refusal.status, 404);
  t.is(refusal.body.error.code, 'NOT_FOUND');
});

for (const [path, method, problem] of [
  ['/extra-field', 'GET', /_id: sent but not declared/],
  ['/nested-extra', 'GET', /items\[1\]\.secret: sent but not declared/],
  ['/missing-field', 'GET', /name:/],
  ['/wrong-status', 'POST', /answered 200, declared 201/],
  ['/body-on-204', 'DELETE', /a body where none is declared/],
  ['/bad-refusal', 'GET', /error:/],
  ['/cached-text', 'GET', /extra: sent but not declared/],
] as const) {
  test(`answer check › ${method} ${path} › answers 500 ANSWER_MISMATCH naming the problem`, async (t) => {
    const res = await call(method, path);
    t.is(res.status, 500);
    t.is(res.body.error.code, 'ANSWER_MISMATCH');
    t.regex(res.body.error.details.problems.join('\n'), problem);
    t.is(res.body.error.details.route, `${method} /check${path}`);
  });
}
