import type { AnyJson } from './app.ts';
import { gzipSync } from 'node:zlib';

// Hostile request parts for the fuzz test: a seeded PRNG (so a failure replays from its seed)
// and generators for bodies, queries, path params and headers that a client must never be
// able to turn into a 5xx, a hang or a stored change.

/** mulberry32: tiny, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

/** A body as sent: bytes plus the content type that goes with them. */
export interface HostileBody {
  kind: string;
  bytes: Buffer;
  contentType?: string;
  contentEncoding?: string;
}

const json = (kind: string, value: unknown): HostileBody => ({ kind, bytes: Buffer.from(JSON.stringify(value)), contentType: 'application/json' });
const raw = (kind: string, text: string | Buffer, contentType?: string): HostileBody => ({
  kind,
  bytes: typeof text === 'string' ? Buffer.from(text) : text,
  ...(contentType ? { contentType } : {}),
});

/** Values of the wrong type for a field that expects a string, an enum, a number or an object. */
export function wrongValue(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => (rng.int(2) === 0 ? rng.int(1e9) - 5e8 : -0.5),
    () => 1e308 * 10, // Infinity → null in JSON
    () => Number.MAX_SAFE_INTEGER + 2,
    () => rng.chance(0.5),
    () => null,
    () => [],
    () => ['a', 1, null],
    () => ({}),
    () => ({ nested: { deeper: [1, { x: 'y' }] } }),
    () => '',
    () => ' ',
    () => '\u0000',
    () => '\ud800', // a lone surrogate
    () => '<script>alert(1)</script>',
    () => "'; DROP TABLE items; --",
    () => '2026-02-30',
    () => '25:61',
    () => 'x'.repeat(100_000),
    () => '测'.repeat(20_000),
    () => '000000000000000000000000',
    () => {
      return { $gt: '' };
    },
    () => {
      return { $where: 'sleep(1000)' };
    },
    () => {
      return { $ne: null };
    },
    () => {
      return { $regex: '.*' };
    },
  ])();
}

/** An object giving each known field (and a stranger) a hostile value. */
function hostileObject(rng: Rng, fields: string[]): Record<string, unknown> {
  const names = fields.length ? fields : ['name', 'code', 'id'];
  const object: Record<string, unknown> = {};
  for (const name of names) object[name] = wrongValue(rng);
  if (rng.chance(0.3)) object[`extra${rng.int(100)}`] = wrongValue(rng);
  return object;
}

function deepNesting(rng: Rng, depth = 10_000): string {
  if (rng.chance(0.5)) return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Invalid UTF-8 (overlong '/', a lone continuation byte, 0xFF) inside a JSON string. */
function invalidUtf8(rng: Rng, field: string): Buffer {
  const bad = rng.pick([
    Buffer.from([0xc0, 0xaf]),
    Buffer.from([0xff]),
    Buffer.from([0x80, 0x80]),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
  ]);
  return Buffer.concat([Buffer.from(`{"${field}":"a`), bad, Buffer.from('b"}')]);
}

export const BODY_KINDS = [
  'wrong-types',
  'wrong-root',
  'huge-string',
  'deep-nesting',
  'operators',
  'proto-pollution',
  'invalid-utf8',
  'oversized',
  'oversized-gzip',
  'one-field-wrong',
  'one-field-wrong',
  'plausible',
  'multipart-hostile',
  'text-plain',
  'multipart-garbage',
  'urlencoded',
  'malformed-json',
  'none',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/**
 * One hostile body of `kind`; `fields` are the route's documented body fields, `plausible` makes
 * a body that fits the documented schema (so that one wrong field is the only fault).
 */
export function hostileBody(rng: Rng, kind: BodyKind, fields: string[], bodyLimitKb: number, plausible: () => unknown = () => ({})): HostileBody | undefined {
  const field = fields.length ? rng.pick(fields) : 'name';
  switch (kind) {
    case 'plausible':
      return json(kind, plausible());
    case 'one-field-wrong': {
      const body = plausible();
      if (body && typeof body === 'object' && !Array.isArray(body)) (body as Record<string, unknown>)[field] = wrongValue(rng);
      return json(kind, body);
    }
    case 'wrong-types':
      return json(kind, hostileObject(rng, fields));
    case 'wrong-root':
      return json(kind, rng.pick<unknown>([null, 0, true, 'text', [], [{}], [hostileObject(rng, fields)]]));
    case 'huge-string':
      return json(kind, { [field]: 'A'.repeat(100 * 1024) });
    case 'deep-nesting':
      return raw(kind, rng.chance(0.5) ? deepNesting(rng) : `{"${field}":${deepNesting(rng)}}`, 'application/json');
    case 'operators':
      return raw(
        kind,
        rng.pick([
          `{"${field}":{"$gt":""}}`,
          `{"${field}":{"$where":"sleep(1000)"}}`,
          '{"$where":"sleep(1000)"}',
          `{"$or":[{"${field}":{"$exists":true}}]}`,
          `{"${field}":{"$regex":"^(a+)+$"}}`,
          `{"a":{"b":{"$ne":1}}}`,
          `{"${field}.$":1}`,
        ]),
        'application/json',
      );
    case 'proto-pollution':
      return raw(
        kind,
        rng.pick([
          '{"__proto__":{"isAdmin":true,"role":"center_admin"}}',
          '{"constructor":{"prototype":{"isAdmin":true}}}',
          `{"${field}":{"__proto__":{"polluted":1}}}`,
          '{"constructor.prototype":{"isAdmin":true}}',
          `[{"__proto__":{"polluted":1}}]`,
          `{"prototype":{"x":1}}`,
        ]),
        'application/json',
      );
    case 'invalid-utf8':
      return raw(kind, invalidUtf8(rng, field), 'application/json; charset=utf-8');
    case 'oversized':
      return raw(kind, `{"${field}":"${'Z'.repeat((bodyLimitKb + 16) * 1024)}"}`, 'application/json');
    case 'oversized-gzip':
      // A few KB on the wire that inflate past the limit: the limit is on what is parsed.
      return { kind, bytes: gzipSync(`{"${field}":"${'Z'.repeat((bodyLimitKb + 16) * 1024)}"}`), contentType: 'application/json', contentEncoding: 'gzip' };
    case 'text-plain':
      return raw(kind, JSON.stringify(hostileObject(rng, fields)), 'text/plain');
    case 'multipart-hostile':
      return hostileMultipart(rng);
    case 'multipart-garbage':
      return raw(
        kind,
        rng.pick([
          '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF garbage',
          '--WRONG\r\nContent-Disposition: form-data; name="materialName"\r\n\r\n居民身份证\r\n--WRONG--\r\n',
          '\r\n\r\n--XYZ--',
          '--XYZ\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--XYZ--\r\n',
        ]),
        rng.pick(['multipart/form-data; boundary=XYZ', 'multipart/form-data', 'multipart/form-data; boundary=']),
      );
    case 'urlencoded':
      return raw(
        kind,
        rng.pick([`${field}[$gt]=&__proto__[x]=1`, `${field}=%FF%C0%AF`, 'a=1&a=2&a[b]=3', `${field}=${'%00'.repeat(100)}`]),
        'application/x-www-form-urlencoded',
      );
    case 'malformed-json':
      return raw(
        kind,
        rng.pick(['{"a":', '{a:1}', 'nul', '\u0000', '{"a":1}}', '[1,]', '{"a":"\\uZZZZ"}', '\ufeff{"a":1', '"unterminated', `{"${field}":NaN}`]),
        'application/json',
      );
    case 'none':
      return undefined;
  }
}

/** Well-formed multipart with hostile field values, file names and contents. */
function hostileMultipart(rng: Rng): HostileBody {
  const boundary = `FuzzBoundary${rng.int(1e9)}`;
  const part = (headers: string, content: Buffer | string) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n')]);
  const materialName = rng.pick(['居民身份证', '__proto__', '$where', 'x'.repeat(5000), '../../etc/passwd', '', '申请表\u0000']);
  const filename = rng.pick(['scan.pdf', '../../evil.sh', `${'a'.repeat(300)}.pdf`, '测试.pdf', 'x.exe', '', 'a"b.pdf']);
  const content = rng.pick([
    Buffer.from('%PDF-1.4\n%%EOF\n'),
    Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]),
    Buffer.alloc(0),
    Buffer.from([0xff, 0xd8, 0xff]),
    Buffer.from('<svg onload=alert(1)>'),
  ]);
  const parts = [
    part(`Content-Disposition: form-data; name="${rng.pick(['materialName', '__proto__', 'materialName[$gt]'])}"`, materialName),
    part(
      `Content-Disposition: form-data; name="${rng.pick(['file', 'file', 'other'])}"; filename="${filename}"\r\nContent-Type: ${rng.pick(['application/pdf', 'image/png', 'text/html'])}`,
      content,
    ),
  ];
  if (rng.chance(0.2)) parts.push(part('Content-Disposition: form-data; name="file"; filename="second.pdf"', content));
  return {
    kind: 'multipart-hostile',
    bytes: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A hostile query string (without the `?`), or '' for none; `names` are the documented query params. */
export function hostileQuery(rng: Rng, names: string[]): string {
  const name = names.length ? rng.pick(names) : rng.pick(['q', 'page', 'id']);
  return rng.pick<() => string>([
    () => '',
    () => `q[$ne]=1`,
    () => `page[$gt]=0`,
    () => `${name}[$regex]=.*`,
    () => `$where=sleep(1000)`,
    () => `${name}=%C0%AF`,
    () => `${name}=%FF%FE`,
    () => `${name}=%`,
    () => `${name}=%E4%B8`,
    () => `${name}=1&${name}=2&${name}=3`,
    () => `${name}[]=1`,
    () => `${name}[a][b]=1`,
    () => `__proto__[polluted]=1`,
    () => `constructor[prototype][x]=1`,
    () => `page=-1&pageSize=1000000`,
    () => `page=1e999&pageSize=NaN`,
    () => `page=0x10&pageSize=-0`,
    // Long queries stay under 4 KB, so that only the 20 KB Authorization crosses Node's 16 KB
    // header limit (then server/client-errors.ts answers 431; test/security/hostile-input.test.ts).
    () => `${name}=${'x'.repeat(4000)}`,
    () => `${name}=${encodeURIComponent('测试'.repeat(200))}`,
    () => `${name}=true&highFrequency=maybe&from=2026-13-45&to=yesterday`,
    () => `${name}=%00`,
    () => names.map((n) => `${n}=${encodeLoosely(String(wrongValue(rng)).slice(0, 200))}`).join('&'),
  ])();
}

/** encodeURIComponent, with a lone surrogate sent as its (invalid) UTF-8 bytes instead of throwing. */
function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text
      .split('')
      .map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
      .join('');
  }
}

/** A path parameter: a real id from the fixture or a hostile one, already URL-encoded. */
export function hostileParam(rng: Rng, real: string[]): string {
  if (real.length && rng.chance(0.45)) return encodeURIComponent(rng.pick(real));
  return rng.pick([
    '000000000000000000000000',
    'ffffffffffffffffffffffff',
    '0',
    '-1',
    'null',
    'undefined',
    '%24gt',
    '$where',
    '%7B%22%24gt%22%3A%22%22%7D',
    '%C0%AF',
    '%FF',
    '%E4%B8',
    '%',
    '%00',
    '__proto__',
    'constructor',
    'x'.repeat(3000),
    encodeURIComponent('测试'.repeat(50)),
    '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'a%2Fb',
  ]);
}

/** Hostile headers: authorization, idempotency and screen tokens as an attacker would send them. */
export function hostileHeaders(rng: Rng): Record<string, string> {
  return rng.pick<() => Record<string, string>>([
    () => ({}),
    () => ({}),
    () => ({ Authorization: `Bearer ${'A'.repeat(10_000)}` }),
    () => ({ Authorization: `Bearer ${'A'.repeat(20_000)}` }), // past Node's 16 KB: answered by server/client-errors.ts
    () => ({ Authorization: 'Bearer' }),
    () => ({ Authorization: 'Bearer  ' }),
    () => ({ Authorization: 'Basic YWRtaW46YWRtaW4=' }),
    () => ({ Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJraW5kIjoic3RhZmYiLCJyb2xlIjoiY2VudGVyX2FkbWluIn0.' }),
    () => ({ Authorization: 'Bearer a.b.c.d.e.f.g.h.i.j' }),
    () => ({ Authorization: `Bearer ${'é'.repeat(20)}` }),
    () => ({ 'Idempotency-Key': 'ÿéü-clé-ñ' }),
    () => ({ 'Idempotency-Key': 'k'.repeat(8000) }),
    () => ({ 'Idempotency-Key': '{"$gt":""}' }),
    () => ({ 'X-Screen-Token': 'x'.repeat(5000) }),
    () => ({ 'X-Screen-Token': '{"$ne":null}' }),
    () => ({ 'X-Screen-Token': 'ÿÿÿ' }),
    () => ({ 'If-None-Match': '"*", W/"' + 'x'.repeat(2000) + '"' }),
    () => ({ 'X-Request-Id': '../../../etc/passwd' }),
    () => ({ 'X-Forwarded-For': '1.2.3.4, ' + 'f'.repeat(3000) }),
    () => ({ 'Content-Encoding': 'gzip' }),
    () => ({ 'Content-Encoding': 'br, deflate, unknown' }),
    () => ({ Accept: 'text/html' }),
    () => ({ 'Wechatpay-Serial': 'PUB_KEY_ID_garbage', 'Wechatpay-Signature': 'AAAA', 'Wechatpay-Timestamp': '99999999999999', 'Wechatpay-Nonce': 'n' }),
  ])();
}

type JsonSchema = Record<string, AnyJson>;

/**
 * A value that fits a documented (OpenAPI / JSON Schema) schema, well enough for validation to
 * pass in most cases; `hint` may supply real values by property name (item codes, departments).
 */
export function plausibleValue(
  rng: Rng,
  schema: JsonSchema | undefined,
  components: Record<string, JsonSchema>,
  hint: (name: string) => unknown = () => undefined,
  name = '',
  depth = 0,
): unknown {
  if (!schema || depth > 6) return undefined;
  if (schema.$ref) return plausibleValue(rng, components[String(schema.$ref).split('/').pop()!], components, hint, name, depth + 1);
  const hinted = hint(name);
  if (hinted !== undefined) return hinted;
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return plausibleValue(rng, rng.pick(choices as JsonSchema[]), components, hint, name, depth + 1);
  if (schema.enum) return rng.pick(schema.enum as unknown[]);
  if (schema.const !== undefined) return schema.const;
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case 'string':
      if (schema.format === 'date') return '2026-11-23';
      if (schema.format === 'date-time') return '2026-11-23T09:00:00+08:00';
      if (schema.format === 'uri') return 'https://example.gov.cn/form.pdf';
      return 'ABC123测试'.slice(0, Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 9, 9)));
    case 'integer':
    case 'number':
      return Math.min(schema.maximum ?? 1, Math.max(schema.minimum ?? 1, 1));
    case 'boolean':
      return rng.chance(0.5);
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => plausibleValue(rng, schema.items, components, hint, name, depth + 1));
    case 'object':
    default: {
      const object: Record<string, unknown> = {};
      const required = new Set<string>(schema.required ?? []);
      for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
        if (required.has(key) || rng.chance(0.5)) object[key] = plausibleValue(rng, child, components, hint, key, depth + 1);
      }
      return object;
    }
  }
}
