// defineRoute: one call mounts a route with its access rule and request schemas, and registers
// it in the OpenAPI document (server/route-docs.ts) and the route table (which the access-matrix
// test walks). Tests check every answer against what is declared here (middleware/check-answers.ts).
import type Router from '@koa/router';
import type { Middleware, ParameterizedContext } from 'koa';
import { z } from 'zod';
import type { ZodType } from 'zod';
import { validationFailed } from './errors.ts';
import { authenticate, type Access } from './middleware/authenticate.ts';
import { documentRoute } from './route-docs.ts';
import type { AppState } from './state.ts';
import { chineseIssueMessage } from './zod-messages.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = ZodType | undefined;
type Out<S extends Schema> = S extends ZodType ? z.output<S> : undefined;

/** A documented answer other than the success answer and the error envelope (304, readyz's 503). */
export interface OtherResponse {
  description: string;
  /** Its JSON body; none for an empty body. */
  schema?: ZodType;
}

export interface RouteSpec<B extends Schema, Q extends Schema, P extends Schema, H extends Schema = undefined> {
  method: Method;
  /** Koa-style path, e.g. `/api/v1/items/:code`. */
  path: string;
  summary: string;
  tags: string[];
  access: Access;
  /** The JSON (or multipart) body; its `.meta({ example })` is the documented example. */
  body?: B;
  query?: Q;
  params?: P;
  /** Request headers the route reads, keyed by their usual spelling (`Idempotency-Key`). */
  headers?: H;
  /** The success answer's schema and status (default 200). */
  response?: ZodType;
  status?: number;
  /** Headers of the success answer (documented only). */
  responseHeaders?: z.ZodObject;
  /** Content types of a file answer (downloads), instead of a JSON `response`. */
  fileResponse?: string[];
  /** Other documented answers, by status. */
  responses?: Record<number, OtherResponse>;
  /** Extra documented error answers: status → description. */
  errors?: Record<number, string>;
  /** Middleware that runs after authentication and before validation (uploads, rate limits). */
  before?: Middleware<AppState>[];
  /** Documented request content type when not JSON (e.g. multipart/form-data). */
  requestContentType?: string;
  /** How refusals are answered (default: the API's error envelope). */
  errorForm?: ErrorForm;
}

/**
 * `envelope`: `{error: {code, message, details}}`, for our clients. `wechatpay`: `{code: 'FAIL',
 * message}`, what WeChat Pay expects from its callbacks. `open311`: GeoReport v2's `[{code, description}]`.
 */
export type ErrorForm = 'envelope' | 'wechatpay' | 'open311';

export type RouteContext = ParameterizedContext<AppState>;
export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema, H extends Schema = undefined> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  headers: Out<H>;
}

export interface RouteTableEntry {
  method: Method;
  path: string;
  access: Access;
  errorForm?: ErrorForm;
  /** The request body schema, if any (the OpenAPI test checks its example against it). */
  body?: ZodType;
}

/** What a route promised to answer; left on ctx.state for the answer check in tests. */
export interface AnswerContract {
  route: string;
  status: number;
  response?: ZodType;
  fileResponse?: string[];
  responses: Record<number, OtherResponse>;
  errorForm: ErrorForm;
}

/** Every route the server has; filled as route modules load. */
export const routeTable: RouteTableEntry[] = [];

const errorForms: { pattern: RegExp; form: ErrorForm }[] = [];

/** The error form of the route at `path` (any method). */
export function errorFormFor(path: string): ErrorForm {
  return errorForms.find((entry) => entry.pattern.test(path))?.form ?? 'envelope';
}

export function defineRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined, H extends Schema = undefined>(
  router: Router<AppState>,
  spec: RouteSpec<B, Q, P, H>,
  handler: (ctx: RouteContext, input: RouteInput<B, Q, P, H>) => Promise<void> | void,
): void {
  const fullPath = `${router.opts.prefix ?? ''}${spec.path}`;
  routeTable.push({
    method: spec.method,
    path: fullPath,
    access: spec.access,
    ...(spec.errorForm ? { errorForm: spec.errorForm } : {}),
    ...(spec.body ? { body: spec.body } : {}),
  });
  if (spec.errorForm && spec.errorForm !== 'envelope') {
    // The error handler answers before routing (body too large, malformed JSON, operator keys),
    // so it finds a route's form by path, matched as loosely as the router matches it.
    const pattern = fullPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+');
    errorForms.push({ pattern: new RegExp(`^${pattern}/?$`, 'i'), form: spec.errorForm });
  }
  documentRoute({ ...spec, path: fullPath });
  const contract: AnswerContract = {
    route: `${spec.method.toUpperCase()} ${fullPath}`,
    status: spec.status ?? 200,
    ...(spec.response ? { response: spec.response } : {}),
    ...(spec.fileResponse ? { fileResponse: spec.fileResponse } : {}),
    responses: spec.responses ?? {},
    errorForm: spec.errorForm ?? 'envelope',
  };
  const validate: Middleware<AppState> = async (ctx, next) => {
    ctx.state.contract = contract;
    // Each part was parsed by its own schema just now; TypeScript cannot follow the generics.
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions
    const input = {
      body: parsePart(spec.body, ('body' in ctx.request ? ctx.request.body : undefined) ?? {}, 'body'),
      query: parsePart(spec.query, ctx.query, 'query'),
      params: parsePart(spec.params, ctx.params, 'params'),
      headers: parsePart(spec.headers, headersOf(ctx, spec.headers), 'headers'),
    } as RouteInput<B, Q, P, H>;
    await handler(ctx, input);
    await next();
  };
  router[spec.method](spec.path, authenticate(spec.access), ...(spec.before ?? []), validate);
}

/** The request's values of the headers a schema names (HTTP header names ignore case). */
function headersOf(ctx: RouteContext, schema: Schema): Record<string, string> {
  if (!(schema instanceof z.ZodObject)) return {};
  return Object.fromEntries(Object.keys(schema.shape).flatMap((name) => (ctx.get(name) ? [[name, ctx.get(name)]] : [])));
}

function parsePart(schema: Schema, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  // Messages written on a schema win; zod's own are given in Chinese.
  const result = schema.safeParse(value, { error: chineseIssueMessage });
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = [part, ...issue.path.map(String)].join('.');
    fields[key] ??= issue.message;
  }
  throw validationFailed(fields);
}
