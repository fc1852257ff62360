// defineRoute: one call mounts a route with its access rule and request schemas, and registers
// it in the OpenAPI document and the route table (which the access-matrix test walks).
import type Router from '@koa/router';
import type { Middleware, ParameterizedContext } from 'koa';
import { z } from 'zod';
import type { ZodType } from 'zod';
import { validationFailed } from './errors.ts';
import { ErrorEnvelope, WechatPayFail, registry } from './openapi.ts';
import { authenticate, type Access } from './middleware/authenticate.ts';
import type { AppState } from './state.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = ZodType | undefined;
type Out<S extends Schema> = S extends ZodType ? z.output<S> : undefined;

export interface RouteSpec<B extends Schema, Q extends Schema, P extends Schema> {
  method: Method;
  /** Koa-style path, e.g. `/api/v1/items/:code`. */
  path: string;
  summary: string;
  tags: string[];
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /** The success answer's schema and status (default 200). */
  response?: ZodType;
  status?: number;
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
 * message}`, what WeChat Pay expects from its callbacks.
 */
export type ErrorForm = 'envelope' | 'wechatpay';

export type RouteContext = ParameterizedContext<AppState>;
export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
}

export interface RouteTableEntry {
  method: Method;
  path: string;
  access: Access;
  errorForm?: ErrorForm;
}

/** Every route the server has; filled as route modules load. */
export const routeTable: RouteTableEntry[] = [];

const errorForms: { pattern: RegExp; form: ErrorForm }[] = [];

/** The error form of the route at `path` (any method). */
export function errorFormFor(path: string): ErrorForm {
  return errorForms.find((entry) => entry.pattern.test(path))?.form ?? 'envelope';
}

export function defineRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  router: Router<AppState>,
  spec: RouteSpec<B, Q, P>,
  handler: (ctx: RouteContext, input: RouteInput<B, Q, P>) => Promise<void> | void,
): void {
  const fullPath = `${router.opts.prefix ?? ''}${spec.path}`;
  routeTable.push({ method: spec.method, path: fullPath, access: spec.access, ...(spec.errorForm ? { errorForm: spec.errorForm } : {}) });
  if (spec.errorForm && spec.errorForm !== 'envelope') {
    // The error handler answers before routing (body too large, malformed JSON, operator keys),
    // so it finds a route's form by path, matched as loosely as the router matches it.
    const pattern = fullPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+');
    errorForms.push({ pattern: new RegExp(`^${pattern}/?$`, 'i'), form: spec.errorForm });
  }
  document({ ...spec, path: fullPath });
  const validate: Middleware<AppState> = async (ctx, next) => {
    const input = {
      body: parsePart(spec.body, (ctx.request as { body?: unknown }).body ?? {}, 'body'),
      query: parsePart(spec.query, ctx.query, 'query'),
      params: parsePart(spec.params, ctx.params, 'params'),
    } as RouteInput<B, Q, P>;
    await handler(ctx, input);
    await next();
  };
  router[spec.method](spec.path, authenticate(spec.access), ...(spec.before ?? []), validate);
}

function parsePart(schema: Schema, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = [part, ...issue.path.map(String)].join('.');
    fields[key] ??= issue.message;
  }
  throw validationFailed(fields);
}

function document(spec: RouteSpec<Schema, Schema, Schema>): void {
  const path = spec.path.replace(/:([A-Za-z_]+)/g, '{$1}');
  const security =
    spec.access === 'public' ? [] : spec.access === 'screen' ? [{ screenToken: [] }] : [{ bearer: [] }];
  const errorResponses = Object.fromEntries(
    Object.entries({ ...defaultErrors(spec), ...spec.errors }).map(([status, description]) => [
      status,
      { description, content: { 'application/json': { schema: spec.errorForm === 'wechatpay' ? WechatPayFail : ErrorEnvelope } } },
    ]),
  );
  registry.registerPath({
    method: spec.method,
    path,
    summary: spec.summary,
    tags: spec.tags,
    security,
    description: `access: ${Array.isArray(spec.access) ? spec.access.join(', ') : spec.access}`,
    request: {
      ...(spec.params ? { params: spec.params as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
      ...(spec.body || spec.requestContentType
        ? { body: { content: { [spec.requestContentType ?? 'application/json']: { schema: spec.body ?? z.object({}) } } } }
        : {}),
    },
    responses: {
      [spec.status ?? 200]: {
        description: 'OK',
        ...(spec.response ? { content: { 'application/json': { schema: spec.response } } } : {}),
      },
      ...errorResponses,
    },
  });
}

function defaultErrors(spec: RouteSpec<Schema, Schema, Schema>): Record<number, string> {
  const errors: Record<number, string> = {};
  if (spec.body || spec.query || spec.params) errors[400] = 'VALIDATION_FAILED';
  if (spec.access !== 'public') errors[401] = 'UNAUTHENTICATED';
  if (spec.access !== 'public' && spec.access !== 'citizen') errors[403] = 'FORBIDDEN';
  if (spec.params) errors[404] = 'NOT_FOUND';
  return errors;
}
