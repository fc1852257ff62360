// How a route declared with defineRoute appears in the OpenAPI document: parameters (path,
// query, headers, the request id), the body with its example, the success answer, other answers,
// and every refusal in its error form.
import { z } from 'zod';
import type { ZodType } from 'zod';
import { errorSchemaOf, registry } from './openapi.ts';
import type { RouteSpec } from './route.ts';

type AnySpec = RouteSpec<ZodType | undefined, ZodType | undefined, ZodType | undefined, ZodType | undefined>;

const REQUEST_ID = { $ref: '#/components/parameters/RequestId' };
const binary = { type: 'string' as const, format: 'binary' };

/** Registers one route in the OpenAPI document. */
export function documentRoute(spec: AnySpec): void {
  const errorSchema = errorSchemaOf(spec.errorForm);
  const errorResponses = Object.fromEntries(
    Object.entries({ ...defaultErrors(spec), ...spec.errors }).map(([status, description]) => [
      status,
      { description, content: { 'application/json': { schema: errorSchema } } },
    ]),
  );
  const otherResponses = Object.fromEntries(
    Object.entries(spec.responses ?? {}).map(([status, { description, schema }]) => [
      status,
      { description, ...(schema ? { content: { 'application/json': { schema } } } : {}) },
    ]),
  );
  registry.registerPath({
    method: spec.method,
    path: spec.path.replace(/:([A-Za-z_]+)/g, '{$1}'),
    summary: spec.summary,
    tags: spec.tags,
    security: securityOf(spec),
    description: `access: ${Array.isArray(spec.access) ? spec.access.join(', ') : spec.access}`,
    parameters: [REQUEST_ID],
    request: {
      ...(spec.params ? { params: spec.params as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
      ...(spec.headers ? { headers: spec.headers as z.ZodObject } : {}),
      ...(spec.body || spec.requestContentType ? { body: requestBody(spec) } : {}),
    },
    responses: {
      [spec.status ?? 200]: successResponse(spec),
      ...otherResponses,
      ...errorResponses,
      default: { description: '其他错误（如 413 请求体过大、429 操作过于频繁、503 服务暂时不可用）', content: { 'application/json': { schema: errorSchema } } },
    },
  });
}

function securityOf(spec: AnySpec): Record<string, string[]>[] {
  if (spec.access === 'public') return [];
  // A lobby screen sends its token as a header; the screen page may pass it in the address.
  if (spec.access === 'screen') return [{ screenToken: [] }, { screenTokenQuery: [] }];
  return [{ bearer: [] }];
}

function requestBody(spec: AnySpec) {
  const schema = spec.body ?? z.object({});
  const example = (schema.meta() as { example?: unknown } | undefined)?.example;
  return {
    // A body the schema accepts empty may be left out (the server reads it as {}).
    required: !schema.safeParse({}).success,
    content: { [spec.requestContentType ?? 'application/json']: { schema, ...(example === undefined ? {} : { example }) } },
  };
}

function successResponse(spec: AnySpec) {
  const status = spec.status ?? 200;
  const description = status === 201 ? 'Created' : status === 204 ? 'No Content' : 'OK';
  const headers = spec.responseHeaders ? { headers: spec.responseHeaders } : {};
  if (spec.fileResponse) {
    return { description, ...headers, content: Object.fromEntries(spec.fileResponse.map((type) => [type, { schema: binary }])) };
  }
  return { description, ...headers, ...(spec.response ? { content: { 'application/json': { schema: spec.response } } } : {}) };
}

function defaultErrors(spec: AnySpec): Record<number, string> {
  const errors: Record<number, string> = {};
  if (spec.body || spec.query || spec.params || spec.headers) errors[400] = 'VALIDATION_FAILED';
  if (spec.access !== 'public') errors[401] = 'UNAUTHENTICATED';
  if (spec.access !== 'public' && spec.access !== 'citizen') errors[403] = 'FORBIDDEN';
  if (spec.params) errors[404] = 'NOT_FOUND';
  return errors;
}
