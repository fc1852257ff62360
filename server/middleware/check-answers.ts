// In tests, every answer must be what its route declared (server/route.ts), so the OpenAPI
// document cannot drift from the code: the success status, a body that parses with the declared
// schema and carries no undeclared field, files of the declared types, empty bodies where none is
// declared, and refusals in the route's error form. A mismatch turns the answer into a loud 500
// ANSWER_MISMATCH naming the problems, which fails the test that caused it.
import { Stream } from 'node:stream';
import type { Middleware, ParameterizedContext } from 'koa';
import type { ZodType } from 'zod';
import { errorSchemaOf } from '../openapi.ts';
import { errorFormFor, type AnswerContract } from '../route.ts';
import type { AppState } from '../state.ts';

export function checkAnswers(): Middleware<AppState> {
  return async (ctx, next) => {
    await next();
    const problems = answerProblems(ctx);
    if (problems.length === 0) return;
    const route = ctx.state.contract?.route ?? `${ctx.method} ${ctx.path}`;
    const answeredStatus = ctx.status;
    ctx.state.log?.error({ route, status: answeredStatus, problems }, 'answer does not match its declared schema');
    ctx.status = 500;
    ctx.body = { error: { code: 'ANSWER_MISMATCH', message: '响应与接口文档不符', details: { route, answeredStatus, problems } } };
  };
}

type Ctx = ParameterizedContext<AppState>;

/** What is wrong with the answer about to be sent, as readable lines; none when it is right. */
export function answerProblems(ctx: Ctx): string[] {
  const contract = ctx.state.contract;
  const status = ctx.status;
  const other = contract?.responses[status];
  if (other) return other.schema ? bodyProblems(other.schema, ctx.body) : emptyProblems(ctx);
  // A web page (not an API route) answers its refusals as a page for people (the public site's 404).
  if (!contract && ctx.response.is('html')) return [];
  if (status >= 400) {
    const form = contract?.errorForm ?? errorFormFor(ctx.path);
    return bodyProblems(errorSchemaOf(form), ctx.body);
  }
  if (!contract) return []; // not an API route (docs, the screen page, CORS preflight)
  if (status !== contract.status) return [`answered ${status}, declared ${contract.status}`];
  return successProblems(contract, ctx);
}

function successProblems(contract: AnswerContract, ctx: Ctx): string[] {
  if (contract.fileResponse) {
    return contract.fileResponse.includes(ctx.response.type) ? [] : [`file of type ${ctx.response.type}, declared ${contract.fileResponse.join(', ')}`];
  }
  if (contract.response) return bodyProblems(contract.response, ctx.body);
  return emptyProblems(ctx);
}

function emptyProblems(ctx: Ctx): string[] {
  return ctx.body === undefined || ctx.body === null || ctx.body === '' ? [] : ['a body where none is declared'];
}

function bodyProblems(schema: ZodType, body: unknown): string[] {
  const json = asJson(body);
  if (!json.ok) return ['the body is not JSON'];
  const result = schema.safeParse(json.value);
  if (!result.success) return result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const extra = undeclaredField(json.value, result.data, '');
  return extra ? [`${extra}: sent but not declared in the response schema`] : [];
}

/** The body as a client will parse it (dates and ids as JSON writes them). */
function asJson(body: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    if (body instanceof Stream) return { ok: false };
    if (typeof body === 'string') return { ok: true, value: JSON.parse(body) };
    if (Buffer.isBuffer(body)) return { ok: true, value: JSON.parse(body.toString('utf8')) };
    return { ok: true, value: body === undefined ? undefined : JSON.parse(JSON.stringify(body)) };
  } catch {
    return { ok: false };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The path of the first field in `sent` that the schema's output (`declared`) dropped. */
function undeclaredField(sent: unknown, declared: unknown, path: string): string | undefined {
  if (Array.isArray(sent) && Array.isArray(declared)) {
    for (const [index, value] of sent.entries()) {
      const found = undeclaredField(value, declared[index], `${path}[${index}]`);
      if (found) return found;
    }
  }
  if (isRecord(sent) && isRecord(declared)) {
    for (const [key, value] of Object.entries(sent)) {
      const where = path ? `${path}.${key}` : key;
      if (!(key in declared)) return where;
      const found = undeclaredField(value, declared[key], where);
      if (found) return found;
    }
  }
  return undefined;
}
