// The OpenAPI document as a client generator reads it: valid OpenAPI 3.1, patterns that mean
// the same in every regex engine, every header a route reads documented, and an example for
// every request body that the route itself accepts.
import test from 'ava';
import { Validator } from '@seriousme/openapi-schema-validator';
import { routers } from '../../routes/index.ts';
import { openApiDocument } from '../../server/openapi.ts';
import { routeTable } from '../../server/route.ts';

void routers; // loading the routers registers every route
interface Operation {
  parameters?: { $ref?: string; name?: string; in?: string; required?: boolean }[];
  requestBody?: { content: Record<string, { example?: unknown; examples?: unknown }> };
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }>; parameters: Record<string, { name: string; in: string }> };
}
const doc = JSON.parse(JSON.stringify(openApiDocument())) as Document;
const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ method, path, operation })));
const operation = (method: string, path: string) => doc.paths[path]![method]!;

test('/openapi.json › validates as OpenAPI 3.1 with a maintained validator', async (t) => {
  const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
  t.true(result.valid, JSON.stringify(result.errors, null, 1)?.slice(0, 3000));
  t.true(operations.length >= 60, `${operations.length} operations`);
});

test('/openapi.json › every pattern compiles as an ECMA regex without flags and needs none', (t) => {
  const patterns: string[] = [];
  JSON.stringify(doc, (key, value) => {
    if (key === 'pattern' && typeof value === 'string') patterns.push(value);
    return value;
  });
  t.true(patterns.length > 20);
  for (const pattern of new Set(patterns)) {
    t.notThrows(() => new RegExp(pattern), pattern);
    // "^[0-9a-f]{24}$/i" compiles too, and matches nothing: flags must never ride along.
    t.notRegex(pattern, /\/[dgimsuvy]+$/, `${pattern} carries JavaScript flags`);
    t.notRegex(pattern, /\\[pP]\{|\\u\{/, `${pattern} needs the u flag`);
  }
  t.true(new RegExp(patterns.find((p) => p.includes('{24}'))!).test('65F0C2F4A1B2C3D4E5F60718'), 'ids of either case match');
});

test('/openapi.json › every request body has an example, which the route accepts', (t) => {
  const bodies = operations.filter((o) => o.operation.requestBody);
  t.true(bodies.length >= 25, `${bodies.length} request bodies`);
  for (const { method, path, operation: op } of bodies) {
    const media = Object.values(op.requestBody!.content);
    t.true(
      media.some((m) => m.example !== undefined || m.examples !== undefined),
      `${method.toUpperCase()} ${path} has an example`,
    );
    const route = routeTable.find((r) => r.method === method && r.path === path.replace(/\{([A-Za-z_]+)\}/g, ':$1'));
    const example = media[0]!.example;
    const parsed = route?.body?.safeParse(example);
    t.true(parsed?.success ?? false, `${method.toUpperCase()} ${path}: its example is refused: ${JSON.stringify(parsed?.error?.issues ?? 'no route')}`);
  }
});

test('/openapi.json › the headers routes read are documented', (t) => {
  const headerNames = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
  t.true(headerNames(operation('post', '/api/v1/appointments')).includes('Idempotency-Key'));
  t.truthy(operation('post', '/api/v1/appointments').responses['201']!.headers?.['Idempotent-Replayed']);
  const screen = operation('get', '/api/v1/screens/{hallCode}');
  const schemes = (screen.security ?? []).flatMap((requirement) => Object.keys(requirement)).map((name) => doc.components.securitySchemes[name]!);
  t.true(
    schemes.some((s) => s.type === 'apiKey' && s.in === 'header' && s.name === 'X-Screen-Token'),
    'X-Screen-Token',
  );
  t.true(
    schemes.some((s) => s.type === 'apiKey' && s.in === 'query' && s.name === 'token'),
    '?token= of the screen page',
  );
  t.true(headerNames(screen).includes('If-None-Match'));
  t.truthy(screen.responses['200']!.headers?.ETag);
  t.truthy(screen.responses['304'], '304 is documented');
  t.is(screen.responses['304']!.content, undefined, '304 has no body');
  for (const name of ['Wechatpay-Serial', 'Wechatpay-Signature', 'Wechatpay-Timestamp', 'Wechatpay-Nonce']) {
    t.true(headerNames(operation('post', '/api/v1/wechat/pay/notify')).includes(name), name);
  }
  const requestId = doc.components.parameters.RequestId!;
  t.deepEqual([requestId.name, requestId.in], ['X-Request-Id', 'header']);
  for (const { method, path, operation: op } of operations) {
    t.true(
      (op.parameters ?? []).some((p) => p.$ref === '#/components/parameters/RequestId'),
      `${method} ${path} documents X-Request-Id`,
    );
    if (op.security?.length) t.truthy(op.responses['401'], `${method} ${path} documents 401`);
    t.truthy(op.responses.default, `${method} ${path} documents other errors`);
  }
});

test('/openapi.json › every success answer that has a body documents its schema', (t) => {
  for (const { method, path, operation: op } of operations) {
    const [status, success] = Object.entries(op.responses).find(([code]) => code.startsWith('2'))!;
    if (status === '204') t.is(success.content, undefined, `${method} ${path} 204 has no body`);
    else t.truthy(success.content, `${method.toUpperCase()} ${path} ${status} documents its body`);
  }
});
