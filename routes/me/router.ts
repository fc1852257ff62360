// The citizen's own profile: real name, ID number and phone (always answered masked).
import Router from '@koa/router';
import { z } from 'zod';
import { citizenOf } from '../../server/middleware/authenticate.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { readOwnProfile, saveProfile, savePhoneFromWechat } from '../../services/citizens/profile.ts';

export const meRouter = new Router<AppState>({ prefix: '/api/v1' });

const ProfileOut = z.object({
  id: z.string(),
  verified: z.boolean(),
  name: z.string().nullable().meta({ example: '张*三' }),
  idNumber: z.string().nullable().meta({ example: '3301**********1234' }),
  phone: z.string().nullable().meta({ example: '138****5678' }),
  bannedUntil: z.string().nullable(),
});

const ProfileInput = z.object({
  name: z.string().trim().min(2).max(30).regex(/^[\p{Script=Han}·A-Za-z ]+$/u, '姓名只能包含汉字、字母和间隔号'),
  idNumber: z.string().trim().min(15).max(20),
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '手机号码格式不正确'),
});

defineRoute(
  meRouter,
  { method: 'get', path: '/me', summary: '本人信息（证件号、手机号脱敏）', tags: ['市民'], access: 'citizen', response: ProfileOut },
  async (ctx) => {
    ctx.body = await readOwnProfile(citizenOf(ctx).id);
  },
);

defineRoute(
  meRouter,
  { method: 'put', path: '/me/profile', summary: '实名信息（校验身份证号码）', tags: ['市民'], access: 'citizen', body: ProfileInput, response: ProfileOut },
  async (ctx, { body }) => {
    ctx.body = await saveProfile(citizenOf(ctx).id, body);
  },
);

defineRoute(
  meRouter,
  {
    method: 'post',
    path: '/me/phone',
    summary: '通过手机号快速验证组件绑定手机号',
    tags: ['市民'],
    access: 'citizen',
    body: z.object({ code: z.string().trim().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/) }),
    response: ProfileOut,
  },
  async (ctx, { body }) => {
    ctx.body = await savePhoneFromWechat(citizenOf(ctx).id, body.code);
  },
);
