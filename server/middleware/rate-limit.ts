// Per-caller and per-IP request limits shared across instances (429 with Retry-After).
import type { Middleware } from 'koa';
import { tooManyRequests } from '../errors.ts';
import type { AppState } from '../state.ts';
import { countInWindow } from '../../services/rate-limit/counter.ts';

export interface RateLimitRule {
  /** Names the limited action in keys: `login`, `booking`, `upload`. */
  name: string;
  /** Allowed requests per window for one caller (openid / user), and for one IP; read per request. */
  limits: () => { perCaller: number; perIp: number };
  windowSeconds: number;
}

/** Limits by the authenticated caller (when there is one) and by client IP. */
export function rateLimit(rule: RateLimitRule): Middleware<AppState> {
  return async (ctx, next) => {
    const { perCaller, perIp } = rule.limits();
    const principal = ctx.state.principal;
    const checks: [string, number][] = [];
    if (principal) checks.push([`${rule.name}:${principal.kind}:${principal.id}`, perCaller]);
    checks.push([`${rule.name}:ip:${ctx.ip}`, perIp]);
    // Both counts at once: one round trip before the work.
    const counts = await Promise.all(checks.map(([key]) => countInWindow(key, rule.windowSeconds, ctx.state.now)));
    const over = counts.find(({ count }, n) => count > checks[n]![1]);
    if (over) throw tooManyRequests(over.retryAfterSeconds);
    await next();
  };
}
