// /api/v1/admin/screens (lobby devices) and /api/v1/admin/announcements: center admins only.
import Router from '@koa/router';
import { AnnouncementModel } from '../../models/announcement.ts';
import { ScreenDeviceModel } from '../../models/screen-device.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { PageQuery, pageSchema, findPage } from '../../server/pagination.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import {
  createAnnouncement,
  createScreenDevice,
  deleteAnnouncement,
  deleteScreenDevice,
  rotateScreenToken,
  updateAnnouncement,
  updateScreenDevice,
} from '../../services/screens/devices.ts';
import { presentAnnouncement, presentDevice } from './present.ts';
import {
  AnnouncementInput,
  AnnouncementOut,
  AnnouncementParams,
  AnnouncementPatch,
  DeviceInput,
  DeviceOut,
  DeviceParams,
  DevicePatch,
  DeviceWithToken,
} from './schema.ts';

export const adminScreensRouter = new Router<AppState>({ prefix: '/api/v1/admin' });
const tags = ['管理：大屏与公告'];
const access = 'center_admin' as const;
const change = (ctx: RouteContext) => ({ actor: staffOf(ctx), requestId: ctx.state.requestId });

defineRoute(
  adminScreensRouter,
  { method: 'get', path: '/screens', summary: '大屏设备列表', tags, access, query: PageQuery, response: pageSchema(DeviceOut) },
  async (ctx, { query }) => {
    const found = await findPage<Parameters<typeof presentDevice>[0]>(ScreenDeviceModel, {}, { _id: 1 }, query);
    ctx.body = { ...found, items: found.items.map(presentDevice) };
  },
);

defineRoute(
  adminScreensRouter,
  {
    method: 'post',
    path: '/screens',
    summary: '登记大屏设备（令牌仅显示一次）',
    tags,
    access,
    body: DeviceInput,
    response: DeviceWithToken,
    status: 201,
    errors: { 409: 'CODE_TAKEN' },
  },
  async (ctx, { body }) => {
    const { device, token } = await createScreenDevice(body, change(ctx));
    ctx.status = 201;
    ctx.body = { ...presentDevice(device), token };
  },
);

defineRoute(
  adminScreensRouter,
  {
    method: 'patch',
    path: '/screens/:code',
    summary: '修改大屏设备（名称、大厅、语音播报、停用）',
    tags,
    access,
    params: DeviceParams,
    body: DevicePatch,
    response: DeviceOut,
  },
  async (ctx, { params, body }) => {
    ctx.body = presentDevice(await updateScreenDevice(params.code, body, change(ctx)));
  },
);

defineRoute(
  adminScreensRouter,
  { method: 'post', path: '/screens/:code/token', summary: '重置设备令牌（旧令牌失效）', tags, access, params: DeviceParams, response: DeviceWithToken },
  async (ctx, { params }) => {
    const { device, token } = await rotateScreenToken(params.code, change(ctx));
    ctx.body = { ...presentDevice(device), token };
  },
);

defineRoute(
  adminScreensRouter,
  { method: 'delete', path: '/screens/:code', summary: '删除大屏设备', tags, access, params: DeviceParams, status: 204 },
  async (ctx, { params }) => {
    await deleteScreenDevice(params.code, change(ctx));
    ctx.status = 204;
  },
);

defineRoute(
  adminScreensRouter,
  { method: 'get', path: '/announcements', summary: '大屏公告列表', tags, access, query: PageQuery, response: pageSchema(AnnouncementOut) },
  async (ctx, { query }) => {
    const found = await findPage<Parameters<typeof presentAnnouncement>[0]>(AnnouncementModel, {}, { createdAt: -1, _id: -1 }, query);
    ctx.body = { ...found, items: found.items.map(presentAnnouncement) };
  },
);

defineRoute(
  adminScreensRouter,
  { method: 'post', path: '/announcements', summary: '发布大屏公告', tags, access, body: AnnouncementInput, response: AnnouncementOut, status: 201 },
  async (ctx, { body }) => {
    ctx.status = 201;
    ctx.body = presentAnnouncement(await createAnnouncement(body, change(ctx)));
  },
);

defineRoute(
  adminScreensRouter,
  {
    method: 'patch',
    path: '/announcements/:id',
    summary: '修改大屏公告',
    tags,
    access,
    params: AnnouncementParams,
    body: AnnouncementPatch,
    response: AnnouncementOut,
  },
  async (ctx, { params, body }) => {
    ctx.body = presentAnnouncement(await updateAnnouncement(params.id, body, change(ctx)));
  },
);

defineRoute(
  adminScreensRouter,
  { method: 'delete', path: '/announcements/:id', summary: '删除大屏公告', tags, access, params: AnnouncementParams, status: 204 },
  async (ctx, { params }) => {
    await deleteAnnouncement(params.id, change(ctx));
    ctx.status = 204;
  },
);
