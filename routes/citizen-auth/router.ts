// Citizen login through WeChat, and token refresh for everyone.
import Router from '@koa/router';
import { z } from 'zod';
import { accessTokenTtl, signToken } from '../../server/auth/tokens.ts';
import { defineRoute } from '../../server/route.ts';
import { loginRateLimit } from '../../server/rate-limits.ts';
import type { AppState } from '../../server/state.ts';
import { refreshAccessToken } from '../../services/auth/refresh.ts';
import { loginCitizen } from '../../services/citizens/login.ts';

export const citizenAuthRouter = new Router<AppState>({ prefix: '/api/v1' });

const WechatCode = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, '登录凭证格式不正确');

defineRoute(
  citizenAuthRouter,
  {
    method: 'post',
    path: '/auth/wechat',
    summary: '小程序登录（wx.login 的 code 换取令牌）',
    tags: ['认证'],
    access: 'public',
    body: z.object({ code: WechatCode }).meta({ example: { code: '0a3Bc9000Vx1zD1Lk1300q2Lqr0Bc90d' } }),
    response: z.object({
      token: z.string(),
      refreshToken: z.string(),
      expiresIn: z.number().int(),
      citizen: z.object({ id: z.string(), verified: z.boolean() }),
    }),
    errors: { 400: 'WECHAT_CODE_INVALID', 403: '微信风险用户', 503: '微信不可用', 429: 'RATE_LIMITED' },
    before: [loginRateLimit()],
  },
  async (ctx, { body }) => {
    const citizen = await loginCitizen(body.code);
    const principal = { kind: 'citizen' as const, id: citizen.id };
    ctx.body = {
      token: await signToken(principal),
      refreshToken: await signToken(principal, 'refresh'),
      expiresIn: accessTokenTtl(),
      citizen,
    };
  },
);

defineRoute(
  citizenAuthRouter,
  {
    method: 'post',
    path: '/auth/refresh',
    summary: '用刷新令牌换取新的访问令牌',
    tags: ['认证'],
    access: 'public',
    body: z
      .object({ refreshToken: z.string().min(10).max(4096) })
      .meta({ example: { refreshToken: 'eyJhbGciOiJIUzI1NiJ9.eyJraW5kIjoiY2l0aXplbiJ9.c2lnbmF0dXJl' } }),
    response: z.object({ token: z.string(), expiresIn: z.number().int() }),
  },
  async (ctx, { body }) => {
    ctx.body = { token: await refreshAccessToken(body.refreshToken), expiresIn: accessTokenTtl() };
  },
);
