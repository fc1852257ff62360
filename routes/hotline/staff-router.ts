// The hotline's staff side: operators enter calls, dispatch, merge duplicates and record 回访;
// departments sign for, return, contact, note, ask for extensions and reply. Departments see
// only their own and co-handled requests; the reporter's identity is for the center only.
import Router from '@koa/router';
import { HotlineRequestModel, type HotlineRequestDoc } from '../../models/hotline-request.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { findPage, pageSchema } from '../../server/pagination.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { staffListFilter, visibleRequest } from '../../services/hotline/access.ts';
import { dispatchRequest, returnRequest, signRequest } from '../../services/hotline/dispatch.ts';
import { addNote, decideExtension, recordContact, replyToRequest, requestExtension } from '../../services/hotline/handling.ts';
import { enterCall } from '../../services/hotline/intake.ts';
import { mergeRequest, recordCallback } from '../../services/hotline/rating.ts';
import { revealReporter } from '../../services/hotline/reporter.ts';
import { presentForStaff } from './present.ts';
import {
  CallBody,
  CallbackBody,
  ContactBody,
  DispatchBody,
  ExtensionBody,
  ExtensionDecisionBody,
  MergeBody,
  NoteBody,
  ReplyBody,
  ReporterOut,
  RequestParams,
  ReturnBody,
  RevealQuery,
  StaffListQuery,
  StaffRequestOut,
} from './schema.ts';

export const staffHotlineRouter = new Router<AppState>({ prefix: '/api/v1/staff/hotline' });
const tags = ['12345 热线：受理与办理'];
const acting = (ctx: RouteContext) => ({ staff: staffOf(ctx), now: ctx.state.now, requestId: ctx.state.requestId });
const answer = (ctx: RouteContext, request: HotlineRequestDoc) => {
  ctx.body = presentForStaff(request);
};

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/calls',
    summary: '话务员录入来电诉求（来电号码加密保存）',
    tags,
    access: 'hotline',
    body: CallBody,
    response: StaffRequestOut,
    status: 201,
  },
  async (ctx, { body }) => {
    ctx.status = 201;
    answer(ctx, await enterCall(staffOf(ctx), body, ctx.state.now, ctx.state.requestId));
  },
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'get',
    path: '/requests',
    summary: '诉求工作台（部门只见本部门承办或协办的）',
    tags,
    access: 'staff',
    query: StaffListQuery,
    response: pageSchema(StaffRequestOut),
  },
  async (ctx, { query }) => {
    const { status, ...page } = query;
    const filter = { ...staffListFilter(staffOf(ctx)), ...(status ? { status } : {}) };
    const result = await findPage<HotlineRequestDoc>(HotlineRequestModel, filter, { receivedAt: -1, _id: -1 }, page);
    ctx.body = { ...result, items: result.items.map(presentForStaff) };
  },
);

defineRoute(
  staffHotlineRouter,
  { method: 'get', path: '/requests/:id', summary: '诉求详情', tags, access: 'staff', params: RequestParams, response: StaffRequestOut },
  async (ctx, { params }) => answer(ctx, await visibleRequest(staffOf(ctx), params.id)),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'get',
    path: '/requests/:id/reporter',
    summary: '查看诉求人身份（仅热线中心，每次查看留痕）',
    tags,
    access: 'hotline',
    params: RequestParams,
    query: RevealQuery,
    response: ReporterOut,
  },
  async (ctx, { params, query }) => {
    ctx.body = await revealReporter(staffOf(ctx), params.id, query.purpose, ctx.state.now, ctx.state.requestId);
  },
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/dispatch',
    summary: '派单（按分类规则或指定承办部门，可加协办部门）',
    tags,
    access: 'hotline',
    params: RequestParams,
    body: DispatchBody,
    response: StaffRequestOut,
    errors: { 400: 'DEPARTMENT_REQUIRED', 409: 'INVALID_STATE' },
  },
  async (ctx, { params, body }) => answer(ctx, await dispatchRequest(params.id, body, acting(ctx))),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/sign',
    summary: '签收',
    tags,
    access: 'staff',
    params: RequestParams,
    response: StaffRequestOut,
    errors: { 409: 'ALREADY_SIGNED, INVALID_STATE' },
  },
  async (ctx, { params }) => answer(ctx, await signRequest(params.id, acting(ctx))),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/return',
    summary: '退单（签收前，至多两次；第三次由中心决定）',
    tags,
    access: 'staff',
    params: RequestParams,
    body: ReturnBody,
    response: StaffRequestOut,
    errors: { 409: 'RETURN_LIMIT, INVALID_STATE' },
  },
  async (ctx, { params, body }) => answer(ctx, await returnRequest(params.id, body.reason, acting(ctx))),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/contact',
    summary: '记录首次联系诉求人',
    tags,
    access: 'staff',
    params: RequestParams,
    body: ContactBody,
    response: StaffRequestOut,
    errors: { 409: 'ALREADY_CONTACTED, INVALID_STATE' },
  },
  async (ctx, { params, body }) => answer(ctx, await recordContact(params.id, body.note, acting(ctx))),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/notes',
    summary: '内部备注（市民不可见）',
    tags,
    access: 'staff',
    params: RequestParams,
    body: NoteBody,
    response: StaffRequestOut,
  },
  async (ctx, { params, body }) => answer(ctx, await addNote(params.id, body.text, acting(ctx))),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/extension',
    summary: '申请延期（一次）',
    tags,
    access: 'staff',
    params: RequestParams,
    body: ExtensionBody,
    response: StaffRequestOut,
    errors: { 409: 'EXTENSION_USED, INVALID_STATE' },
  },
  async (ctx, { params, body }) => answer(ctx, await requestExtension(params.id, body.reason, body.days, acting(ctx))),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/extension/decision',
    summary: '中心审批延期（原期限保留用于统计）',
    tags,
    access: 'hotline',
    params: RequestParams,
    body: ExtensionDecisionBody,
    response: StaffRequestOut,
    errors: { 409: 'NO_EXTENSION_REQUESTED' },
  },
  async (ctx, { params, body }) => answer(ctx, await decideExtension(params.id, body.approve, body.note, acting(ctx))),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/reply',
    summary: '答复（已解决/部分解决/未解决/已解释）',
    tags,
    access: 'staff',
    params: RequestParams,
    body: ReplyBody,
    response: StaffRequestOut,
    errors: { 409: 'INVALID_STATE' },
  },
  async (ctx, { params, body }) => answer(ctx, await replyToRequest(params.id, body, acting(ctx))),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/callback',
    summary: '电话回访，代为记录评价',
    tags,
    access: 'hotline',
    params: RequestParams,
    body: CallbackBody,
    response: StaffRequestOut,
    errors: { 409: 'INVALID_STATE, ALREADY_RATED, RATING_WINDOW_CLOSED' },
  },
  async (ctx, { params, body }) => answer(ctx, await recordCallback(staffOf(ctx), params.id, body.rating, ctx.state.now, ctx.state.requestId)),
);

defineRoute(
  staffHotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/merge',
    summary: '合并重复诉求（关联到未办结的同一事项，两位市民都会收到答复）',
    tags,
    access: 'hotline',
    params: RequestParams,
    body: MergeBody,
    response: StaffRequestOut,
    errors: { 409: 'CANNOT_MERGE, INVALID_STATE' },
  },
  async (ctx, { params, body }) => answer(ctx, await mergeRequest(staffOf(ctx), params.id, body.into, ctx.state.now, ctx.state.requestId)),
);
