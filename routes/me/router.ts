// The citizen's own profile: real name, ID number and phone (always answered masked).
import Router from '@koa/router';
import { citizenOf } from '../../server/middleware/authenticate.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { readOwnProfile, saveProfile, savePhoneFromWechat } from '../../services/citizens/profile.ts';
import { PhoneCodeBody, ProfileInput, ProfileOut } from './schema.ts';

export const meRouter = new Router<AppState>({ prefix: '/api/v1' });

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
    ctx.body = await saveProfile(citizenOf(ctx).id, body, ctx.state.now);
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
    body: PhoneCodeBody,
    response: ProfileOut,
  },
  async (ctx, { body }) => {
    ctx.body = await savePhoneFromWechat(citizenOf(ctx).id, body.code);
  },
);
