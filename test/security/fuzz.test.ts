// Hostile input against every route of the API: thousands of generated bodies, queries, path
// params and headers, sent as an authorised caller (so validation and handlers are reached) and
// anonymously. No answer may be a 5xx or take longer than 10 s, every refusal is in the contract
// envelope with a Chinese message and no English validation text in it or its fields, oversized
// bodies are 413, and a refused request stores nothing.
// Replay a failure with FUZZ_SEED=<seed printed in the log>.
import type { AnyJson } from '../helpers/app.ts';
import test from 'ava';
import { ScreenDeviceModel } from '../../models/screen-device.ts';
import { hashScreenToken } from '../../server/auth/screen-token.ts';
import { config } from '../../server/config.ts';
import { routeTable, type RouteTableEntry } from '../../server/route.ts';
import { applicationIn, buildScene, openWithMaterials } from '../applications/fixtures.ts';
import { buildAccessFixture } from '../helpers/access-fixture.ts';
import { changedCollections, fingerprintDatabase } from '../helpers/db-fingerprint.ts';
import { buildStaff, suffix } from '../helpers/factories.ts';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat.ts';
import {
  BODY_KINDS,
  hostileBody,
  hostileHeaders,
  hostileParam,
  hostileQuery,
  plausibleValue,
  prng,
  type BodyKind,
  type HostileBody,
  type Rng,
} from '../helpers/fuzz-inputs.ts';
import { NOTIFY_PATH, buildFeeApplication, startPaymentsApp, type PaymentsTestbed } from '../helpers/payments.ts';
import { TEST_APP_ID } from '../helpers/wechatpay-fixture.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const TOTAL_REQUESTS = 3200;
const CONCURRENCY = 8;
const BATCH = 64;
const CJK = /[\u4e00-\u9fff]/;
/** Words of zod's, mongoose's and Koa's English validation messages ("Invalid input: expected string, received undefined"). */
const ENGLISH_VALIDATION =
  /\b(invalid|expected|received|required|too (?:big|small)|must|should|unrecognized|string|number|boolean|undefined|object|array|path)\b/i;

let testbed: PaymentsTestbed;
let wechat: FakeWechat;

interface Fixture {
  tokens: Record<'citizen' | 'otherCitizen' | 'window' | 'dept_admin' | 'center_admin' | 'hotline_operator', string>;
  screenToken: string;
  /** Real values for path parameters, by parameter name. */
  real: Record<string, string[]>;
  /** The access matrix's records (appointments, schedules, rectifications …) for a route's path. */
  realFor: (path: string) => Record<string, string>;
}
let fixture: Fixture;

test.before(async () => {
  // The fuzz sends thousands of requests from one IP within a minute: the login, booking and
  // upload limits (per IP and per caller) would turn most of them into 429s before validation.
  Object.assign(config, {
    LOGIN_LIMIT_PER_MINUTE: 1_000_000,
    LOGIN_IP_LIMIT_PER_MINUTE: 1_000_000,
    BOOKING_LIMIT_PER_MINUTE: 1_000_000,
    BOOKING_IP_LIMIT_PER_MINUTE: 1_000_000,
    UPLOAD_LIMIT_PER_MINUTE: 1_000_000,
    UPLOAD_IP_LIMIT_PER_MINUTE: 1_000_000,
  });
  // WeChat login and WeChat Pay go to local fakes: garbage codes get WeChat's own refusals.
  const secret = `secret${suffix()}`;
  wechat = await startFakeWechat({ appId: TEST_APP_ID, secret });
  Object.assign(config, { WECHAT_SECRET: secret, WECHAT_API_BASE: wechat.baseUrl });
  testbed = await startPaymentsApp('publicKey');
  fixture = await buildFixture();
});
test.after.always(async () => {
  await testbed?.close();
  await wechat?.close();
});

async function buildFixture(): Promise<Fixture> {
  const app = testbed.app;
  const scene = await buildScene();
  const center = await buildStaff('center_admin', null);
  const otherCitizen = await buildFeeApplication();
  const draft = await openWithMaterials(app, scene.citizen.token, scene.item.code);
  const submitted = await applicationIn(app, scene, 'submitted');
  const completed = await applicationIn(app, scene, 'completed');
  const screenToken = `screen-${suffix()}${suffix()}`;
  await ScreenDeviceModel.create({ _id: `SCREEN-FUZZ-${suffix()}`, name: '一楼大屏', hallCode: 'HALL1', tokenHash: hashScreenToken(screenToken) });
  const windowCode = scene.clerk.windows[0]!;
  const access = await buildAccessFixture();
  return {
    realFor: access.params,
    tokens: {
      citizen: scene.citizen.token,
      otherCitizen: otherCitizen.citizen.token,
      window: scene.clerk.token,
      dept_admin: scene.admin.token,
      center_admin: center.token,
      hotline_operator: (await buildStaff('hotline_operator', null)).token,
    },
    screenToken,
    real: {
      code: [scene.item.code, scene.department, windowCode, otherCitizen.item.code],
      id: [draft, submitted, completed, otherCitizen.applicationId, scene.citizen.id, scene.clerk.id],
      materialName: ['居民身份证', '申请表', '委托书'],
      hallCode: ['HALL1'],
      windowCode: [windowCode],
      date: ['2026-11-23'],
      year: ['2026', '2027'],
      itemCode: [scene.item.code, otherCitizen.item.code],
      department: [scene.department],
    },
  };
}

interface DocumentedInputs {
  body: string[];
  query: string[];
  /** A body that fits the documented schema. */
  plausible: (rng: Rng) => unknown;
}

/** The documented body fields and query params of each route, from the OpenAPI document. */
async function documentedInputs(): Promise<Map<string, DocumentedInputs>> {
  const res = await testbed.app.request('GET', '/openapi.json');
  const components = res.body.components?.schemas ?? {};
  const inputs = new Map<string, DocumentedInputs>();
  for (const [path, operations] of Object.entries(res.body.paths as Record<string, Record<string, AnyJson>>)) {
    for (const [method, operation] of Object.entries(operations)) {
      const content = operation.requestBody?.content;
      const schema =
        content?.['application/json']?.schema ?? content?.['multipart/form-data']?.schema ?? content?.['application/x-www-form-urlencoded']?.schema;
      const query = (operation.parameters ?? []).filter((p: AnyJson) => p.in === 'query').map((p: AnyJson) => p.name as string);
      inputs.set(`${method} ${path.replace(/\{([A-Za-z_]+)\}/g, ':$1')}`, {
        body: Object.keys(schema?.properties ?? {}),
        query,
        plausible: (rng) => plausibleValue(rng, schema, components, (name) => realValue(rng, name)) ?? {},
      });
    }
  }
  return inputs;
}

/** Real fixture values for body fields that name records, so handlers get past "not found". */
function realValue(rng: Rng, name: string): unknown {
  if (!rng.chance(0.7)) return undefined;
  const { real } = fixture;
  if (name === 'itemCode') return rng.pick(real.itemCode!);
  if (name === 'department') return rng.pick(real.department!);
  if (name === 'windows') return [rng.pick(real.windowCode!)];
  if (name === 'materialName') return rng.pick(real.materialName!);
  return undefined;
}

interface FuzzRequest {
  index: number;
  route: RouteTableEntry;
  /** Mostly the route's own; sometimes another, which must be refused as cleanly. */
  method: string;
  caller: string;
  url: string;
  headers: Record<string, string>;
  body?: HostileBody;
}

interface Outcome {
  request: FuzzRequest;
  status: number;
  text: string;
  problem?: string;
}

function callerHeaders(rng: Rng, route: RouteTableEntry): { caller: string; headers: Record<string, string> } {
  if (rng.chance(0.2)) return { caller: 'anonymous', headers: {} };
  const bearer = (caller: keyof Fixture['tokens']) => ({ caller, headers: { Authorization: `Bearer ${fixture.tokens[caller]}` } });
  switch (route.access) {
    case 'public':
      return rng.chance(0.5) ? { caller: 'anonymous', headers: {} } : bearer('citizen');
    case 'citizen':
      return bearer(rng.chance(0.8) ? 'citizen' : 'otherCitizen');
    case 'staff':
      return bearer(rng.pick(['window', 'dept_admin', 'center_admin'] as const));
    case 'admin':
      return bearer(rng.pick(['dept_admin', 'center_admin'] as const));
    case 'center_admin':
      return bearer('center_admin');
    case 'hotline':
      return bearer(rng.pick(['hotline_operator', 'center_admin'] as const));
    case 'screen':
      return { caller: 'screen', headers: { 'X-Screen-Token': fixture.screenToken } };
  }
}

function generate(rng: Rng, index: number, route: RouteTableEntry, inputs: DocumentedInputs): FuzzRequest {
  const fromMatrix = fixture.realFor(route.path);
  const path = route.path.replace(/:([A-Za-z_]+)/g, (_, name: string) =>
    hostileParam(rng, [...(fixture.real[name] ?? []), ...(fromMatrix[name] ? [fromMatrix[name]] : [])]),
  );
  const query = hostileQuery(rng, inputs.query);
  const { caller, headers } = callerHeaders(rng, route);
  const method = rng.chance(0.05)
    ? rng.pick(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'propfind'].filter((m) => m !== route.method))
    : route.method;
  const kind: BodyKind = method === 'get' || method === 'head' ? 'none' : rng.pick(BODY_KINDS);
  const body = hostileBody(rng, kind, inputs.body, config.BODY_LIMIT_KB, () => inputs.plausible(rng));
  // An oversized body must be refused for its size, whatever else the request carries.
  const extra = oversized(body) ? {} : hostileHeaders(rng);
  return { index, route, method, caller, url: `${path}${query ? `?${query}` : ''}`, headers: { ...headers, ...extra }, ...(body ? { body } : {}) };
}

const oversized = (body?: HostileBody) => body?.kind.startsWith('oversized') ?? false;

/**
 * Sends one request; a hang (no answer in 10 s) is a problem. A connection reset is tried once
 * more: fetch's pool can pick a keep-alive socket the server is closing at that moment, and a
 * request that really kills its connection fails the second time too.
 */
async function send(request: FuzzRequest, retried = false): Promise<Outcome> {
  const headers = {
    ...request.headers,
    ...(request.body?.contentType ? { 'Content-Type': request.body.contentType } : {}),
    ...(request.body?.contentEncoding ? { 'Content-Encoding': request.body.contentEncoding } : {}),
  };
  try {
    const response = await fetch(`${testbed.app.baseUrl}${request.url}`, {
      method: request.method.toUpperCase(),
      headers,
      ...(request.body ? { body: new Uint8Array(request.body.bytes) } : {}),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { request, status: response.status, text, problem: problemWith(request, response.status, text) };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { request, status: 0, text: '', problem: 'no answer within 10 s' };
    if (!retried) {
      connectionResets++;
      return send(request, true);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { request, status: 0, text: '', problem: `connection failed twice: ${(error as Error).message} ${cause?.code ?? ''} ${cause?.message ?? ''}` };
  }
}
let connectionResets = 0;

/** What is wrong with an answer, or undefined. */
function problemWith(request: FuzzRequest, status: number, text: string): string | undefined {
  if (status >= 500) return `answered ${status}`;
  // The body parser reads POST, PUT and PATCH bodies; others are not read, so have no size.
  if (oversized(request.body) && ['post', 'put', 'patch'].includes(request.method) && status !== 413) return `oversized body answered ${status}, not 413`;
  if (status < 400 || request.method === 'head') return undefined;
  let body: AnyJson;
  try {
    body = JSON.parse(text);
  } catch {
    return `${status} body is not JSON`;
  }
  if (request.route.path === NOTIFY_PATH) {
    if (body?.code !== 'FAIL' || typeof body.message !== 'string' || !CJK.test(body.message))
      return `${status} notify answer is not {code:'FAIL', message:<中文>}`;
    return undefined;
  }
  // Open311 GeoReport routes refuse with the specification's error array.
  if (request.route.errorForm === 'open311' && Array.isArray(body)) {
    const [first] = body;
    if (typeof first?.code !== 'number' || typeof first.description !== 'string' || !CJK.test(first.description))
      return `${status} GeoReport answer is not [{code, description:<中文>}]`;
    return undefined;
  }
  const error = body?.error;
  if (typeof error?.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(error.code)) return `${status} without the error envelope`;
  if (typeof error.message !== 'string' || !CJK.test(error.message)) return `${status} ${error.code} message is not Chinese`;
  const english = englishText(error);
  if (english !== undefined) return `${status} ${error.code} carries English validation text: ${english}`;
  return undefined;
}

/** A message or field message of the answer that is not Chinese or has English validation words in it. */
function englishText(error: { message: string; details?: { fields?: Record<string, unknown> } }): string | undefined {
  const texts = [error.message, ...Object.values(error.details?.fields ?? {}).flat()];
  return texts.map((text) => String(text)).find((text) => !CJK.test(text) || ENGLISH_VALIDATION.test(text));
}

async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

const describe = (o: Outcome) =>
  `#${o.request.index} ${o.request.method.toUpperCase()} ${o.request.url.slice(0, 160)} as ${o.request.caller}` +
  ` body=${o.request.body?.kind ?? 'none'} headers=${Object.keys(o.request.headers).join(',')} → ${o.problem} ${o.text.slice(0, 200)}`;

test.serial('every route › thousands of hostile requests › no 5xx, no hang, refusals in the envelope, nothing stored', async (t) => {
  t.timeout(600_000);
  t.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  console.log(`fuzz seed ${SEED}`);
  const rng = prng(SEED);
  const inputs = await documentedInputs();
  const perRoute = Math.max(30, Math.ceil(TOTAL_REQUESTS / routeTable.length));
  const requests: FuzzRequest[] = [];
  for (let round = 0; round < perRoute; round++) {
    for (const route of routeTable) {
      const documented = inputs.get(`${route.method} ${route.path}`) ?? { body: [], query: [], plausible: () => ({}) };
      requests.push(generate(rng, requests.length, route, documented));
    }
  }

  // FUZZ_ONLY=12,345 replays just those requests of the seed's sequence.
  const only = process.env.FUZZ_ONLY?.split(',').map(Number);
  if (only) requests.splice(0, requests.length, ...requests.filter((r) => only.includes(r.index)));

  const problems: string[] = [];
  const storedByRefusal: string[] = [];
  const reachedPastAuth = new Set<string>();
  let uncheckedRefusals = 0;
  const statuses: Record<number, number> = {};
  for (let start = 0; start < requests.length; start += BATCH) {
    let batch = requests.slice(start, start + BATCH);
    // A request that was accepted may store something; its refused neighbours are then sent
    // again on their own, so every refusal is checked against an unchanged database.
    for (let attempt = 0; attempt < 3 && batch.length; attempt++) {
      const before = await fingerprintDatabase();
      const outcomes = await pool(batch, CONCURRENCY, send);
      const after = await fingerprintDatabase();
      for (const o of outcomes) {
        if (attempt === 0) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
        if (o.problem) problems.push(`${attempt ? `(resent) ` : ''}${describe(o)}`);
        if (attempt === 0 && o.request.method === o.request.route.method && o.status !== 401 && o.status !== 403 && o.status !== 413 && o.status !== 0) {
          reachedPastAuth.add(`${o.request.route.method} ${o.request.route.path}`);
        }
      }
      const refused = outcomes.filter((o) => o.status >= 400).map((o) => o.request);
      const accepted = outcomes.filter((o) => o.status > 0 && o.status < 400).length;
      if (accepted === 0) {
        const changed = changedCollections(before, after);
        if (changed.length) storedByRefusal.push(`requests #${batch[0]!.index}…#${batch.at(-1)!.index} (all refused) changed ${changed.join(', ')}`);
        break;
      }
      batch = refused;
      if (attempt > 0)
        t.log(
          `retry ${attempt} accepted: ${outcomes
            .filter((o) => o.status < 400)
            .map((o) => `${o.request.method} ${o.request.url.slice(0, 80)} ${o.status}`)
            .join(' | ')}`,
        );
      if (attempt === 2) uncheckedRefusals += refused.length;
    }
  }

  t.log(
    `${requests.length} requests over ${routeTable.length} routes; ${problems.length} problems; ${connectionResets} connection resets retried; ${uncheckedRefusals} refusals not checked for stored changes`,
  );
  t.log(`statuses: ${JSON.stringify(statuses)}`);
  t.deepEqual(problems.slice(0, 40), [], `${problems.length} problems (seed ${SEED})`);
  t.deepEqual(storedByRefusal, [], `refused requests stored data (seed ${SEED})`);
  t.is(uncheckedRefusals, 0, 'every refused request was checked against an unchanged database');
  const unreached = routeTable.map((r) => `${r.method} ${r.path}`).filter((r) => !reachedPastAuth.has(r));
  if (!only) t.deepEqual(unreached, [], 'every route was reached past authentication at least once');
});
