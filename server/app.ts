// createApp: the Koa application with its middleware and routes, not listening.
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import cors from '@koa/cors';
import { config } from './config.ts';
import { checkAnswers } from './middleware/check-answers.ts';
import { errorHandler } from './middleware/error-handler.ts';
import { rejectOperators } from './middleware/reject-operators.ts';
import { requestId } from './middleware/request-id.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import type { Caches } from './caches.ts';
import type { AppState } from './state.ts';
import { routers } from '../routes/index.ts';

/**
 * What the app is built with: `caches`, started by the caller, are what routes serve from
 * memory; `clock` gives every request its "now" (tests pass a fixed day).
 */
export interface AppOptions {
  caches: Caches;
  clock?: () => Date;
  /** Check every answer against its route's declared schema (tests; on when NODE_ENV=test). */
  checkAnswers?: boolean;
}

export function createApp({ caches, clock = () => new Date(), checkAnswers: check = config.NODE_ENV === 'test' }: AppOptions): Koa<AppState> {
  const app = new Koa<AppState>({ proxy: config.TRUST_PROXY });
  app.use((ctx, next) => {
    ctx.state.now = clock();
    ctx.state.caches = caches;
    return next();
  });
  const allowedOrigins = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  app.use(requestId());
  app.use(securityHeaders());
  if (check) app.use(checkAnswers());
  app.use(errorHandler());
  app.use(
    cors({
      // Mini-programs send no Origin; browsers get CORS only for configured sites.
      origin: (ctx) => (allowedOrigins.includes(ctx.get('Origin')) ? ctx.get('Origin') : ''),
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Screen-Token', 'If-None-Match', 'X-Request-Id'],
      exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id', 'X-Server-Time'],
      maxAge: 600,
    }),
  );
  // ctx.request.rawBody keeps the exact text: WeChat Pay signatures are over the raw body.
  const jsonBody = bodyParser({ enableTypes: ['json'], jsonLimit: `${config.BODY_LIMIT_KB}kb` });
  // Open311 GeoReport v2 clients post application/x-www-form-urlencoded, as the specification does.
  const geoReportBody = bodyParser({ enableTypes: ['json', 'form'], jsonLimit: `${config.BODY_LIMIT_KB}kb`, formLimit: `${config.BODY_LIMIT_KB}kb` });
  app.use((ctx, next) => (ctx.path.startsWith('/open311/') ? geoReportBody(ctx, next) : jsonBody(ctx, next)));
  app.use(rejectOperators());
  for (const router of routers) app.use(router.routes()).use(router.allowedMethods());
  app.on('error', (error, ctx) => ctx?.state?.log?.error({ err: error }, 'unhandled koa error'));
  return app;
}
