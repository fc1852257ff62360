// Per-caller and per-IP request limits shared across instances (429 with Retry-After).
import type { Middleware } from 'koa';
import { tooManyRequests } from '../errors.ts';
import type { AppState } from '../state.ts';
import { recordHit, windowFreesAt } from '../../services/rate-limit/hits.ts';

export interface RateLimitRule {
  /** Names the limited action in keys: `login`, `booking`, `upload`. */
  name: string;
  /** Allowed requests per window for one caller (openid / user), and for one IP; read per request. */
  limits: () => { perCaller: number; perIp: number };
  windowSeconds: number;
}

/** Limits by the authenticated caller (when there is one) and by client IP. */
export function rateLimit(rule: RateLimitRule): Middleware<AppState> {
  const windowMs = rule.windowSeconds * 1000;
  return async (ctx, next) => {
    const now = new Date();
    const { perCaller, perIp } = rule.limits();
    const keys: [string, number][] = [[`${rule.name}:ip:${ctx.ip}`, perIp]];
    const principal = ctx.state.principal;
    if (principal) keys.push([`${rule.name}:${principal.kind}:${principal.id}`, perCaller]);
    for (const [key, limit] of keys) {
      const count = await recordHit(key, windowMs, now);
      if (count > limit) {
        const freesAt = await windowFreesAt(key, windowMs, now);
        throw tooManyRequests(Math.max(1, Math.ceil((freesAt.getTime() - now.getTime()) / 1000)));
      }
    }
    await next();
  };
}
