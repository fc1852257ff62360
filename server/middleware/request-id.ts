// Gives every request an id (kept from X-Request-Id when sane) and a child logger carrying it.
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { logger } from '../logger.ts';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestId(): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id');
    const id = SAFE_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = id;
    ctx.state.log = logger.child({ requestId: id });
    ctx.set('X-Request-Id', id);
    const started = performance.now();
    try {
      await next();
    } finally {
      ctx.state.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started) }, 'request');
    }
  };
}
