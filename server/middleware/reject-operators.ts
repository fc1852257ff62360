// Refuses request bodies and queries that carry MongoDB operators (`$where`, `$gt` …) or
// prototype-pollution keys anywhere, before any handler sees them.
import type { Middleware } from 'koa';
import { validationFailed } from '../errors.ts';

const FORBIDDEN_KEY = /^\$|\[\$|^(__proto__|constructor|prototype)$/;
const MAX_DEPTH = 20;

/** Returns the path of the first forbidden key, or undefined. */
export function findForbiddenKey(value: unknown, path = '', depth = 0): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (depth > MAX_DEPTH) return path || '(root)';
  for (const key of Object.keys(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEY.test(key)) return childPath;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], childPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function rejectOperators(): Middleware {
  return async (ctx, next) => {
    const bad = findForbiddenKey(ctx.query) ?? findForbiddenKey((ctx.request as { body?: unknown }).body);
    if (bad) throw validationFailed({ [bad]: '不允许的字段名' }, '请求中含有不允许的字段');
    await next();
  };
}
