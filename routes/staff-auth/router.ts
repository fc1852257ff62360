// Staff login.
import Router from '@koa/router';
import { z } from 'zod';
import { STAFF_ROLES } from '../../server/auth/principal.ts';
import { accessTokenTtl, signToken } from '../../server/auth/tokens.ts';
import { defineRoute } from '../../server/route.ts';
import { loginRateLimit } from '../../server/rate-limits.ts';
import type { AppState } from '../../server/state.ts';
import { loginStaff } from '../../services/staff/login.ts';

export const staffAuthRouter = new Router<AppState>({ prefix: '/api/v1' });

const StaffLogin = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(128),
  })
  .meta({ example: { username: 'ga_window1', password: 'a-long-password-of-yours' } });

const StaffLoginOut = z.object({
  token: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  staff: z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    department: z.string().nullable(),
    windows: z.array(z.string()),
  }),
});

defineRoute(
  staffAuthRouter,
  {
    method: 'post',
    path: '/auth/staff/login',
    summary: '窗口人员与管理员登录',
    tags: ['认证'],
    access: 'public',
    body: StaffLogin,
    response: StaffLoginOut,
    errors: { 401: '用户名或密码错误', 423: 'ACCOUNT_LOCKED', 429: 'RATE_LIMITED' },
    before: [loginRateLimit()],
  },
  async (ctx, { body }) => {
    const staff = await loginStaff(body.username, body.password, ctx.state.now, { address: ctx.ip });
    const { name, ...principal } = staff;
    ctx.body = {
      token: await signToken(principal),
      refreshToken: await signToken(principal, 'refresh'),
      expiresIn: accessTokenTtl(),
      staff: { id: staff.id, name, role: staff.role, department: staff.department, windows: staff.windows },
    };
  },
);
