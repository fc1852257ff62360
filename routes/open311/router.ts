// Open311 GeoReport v2 at /open311/v2/ (JSON): services, service definitions, posting a request
// with a partner's api_key, and reading requests and tokens. Refusals on these routes use
// GeoReport's error array `[{code, description}]`; statuses are open/closed.
import Router from '@koa/router';
import { z } from 'zod';
import { AppError, notFound } from '../../server/errors.ts';
import { defineRoute, type RouteSpec } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { findCategory, listCategories } from '../../services/hotline/categories.ts';
import { submitByPartner } from '../../services/hotline/intake.ts';
import { partnerOfKey } from '../../services/hotline/partners.ts';
import { publicNames, publicRequests } from '../../services/hotline/public-view.ts';
import { HotlineRequestModel, type HotlineRequestDoc } from '../../models/hotline-request.ts';
import { SERVICE_NOTICE, presentRequest, presentService } from './present.ts';
import { PostRequestBody, PostedOut, RequestIdParams, RequestOut, RequestsQuery, ServiceDefinitionOut, ServiceOut, ServiceParams, TokenOut } from './schema.ts';

export const open311Router = new Router<AppState>({ prefix: '/open311/v2' });
const base = { tags: ['Open311 GeoReport v2'], errorForm: 'open311' } satisfies Partial<RouteSpec<undefined, undefined, undefined>>;
const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);

defineRoute(
  open311Router,
  { ...base, method: 'get', path: '/services.json', summary: 'GeoReport：服务列表（每个诉求分类一项）', access: 'public', response: z.array(ServiceOut) },
  async (ctx) => {
    const categories = await listCategories();
    const parents = new Map(categories.map((c) => [c.code, c.name]));
    ctx.body = categories.map((category) => presentService(category, parents));
  },
);

defineRoute(
  open311Router,
  {
    ...base,
    method: 'get',
    path: '/services/:code.json',
    summary: 'GeoReport：服务定义（无附加属性）',
    access: 'public',
    params: ServiceParams,
    response: ServiceDefinitionOut,
  },
  async (ctx, { params }) => {
    const category = await findCategory(params.code);
    if (!category?.active) throw notFound('服务');
    ctx.body = { service_code: category.code, attributes: [] };
  },
);

defineRoute(
  open311Router,
  {
    ...base,
    method: 'post',
    path: '/requests.json',
    summary: 'GeoReport：提交诉求（合作系统，需 api_key；表单或 JSON）',
    access: 'public',
    body: PostRequestBody,
    requestContentType: 'application/x-www-form-urlencoded',
    response: PostedOut,
    errors: { 403: 'api_key 无效', 404: 'service_code 不存在' },
  },
  async (ctx, { body }) => {
    const partnerId = await partnerOfKey(body.api_key);
    if (!partnerId) throw new AppError(403, 'FORBIDDEN', 'api_key 无效');
    const category = await findCategory(body.service_code);
    if (!category?.active) throw notFound('service_code 对应的服务');
    const name = [body.last_name, body.first_name].filter(Boolean).join('') || undefined;
    const request = await submitByPartner(
      partnerId,
      {
        type: '求助',
        category: category.code,
        text: body.description || category.name,
        location: { address: body.address_string ?? '', lat: body.lat ?? null, long: body.long ?? null },
        contactAllowed: !!(body.phone || body.email),
        phone: body.phone,
        name,
      },
      ctx.state.now,
    );
    ctx.body = [{ service_request_id: request.number, service_notice: SERVICE_NOTICE, account_id: body.account_id ?? null }];
  },
);

defineRoute(
  open311Router,
  {
    ...base,
    method: 'get',
    path: '/requests.json',
    summary: 'GeoReport：诉求列表（不含举报，内容脱敏）',
    access: 'public',
    query: RequestsQuery,
    response: z.array(RequestOut),
  },
  async (ctx, { query }) => {
    const statuses = list(query.status);
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new AppError(400, 'VALIDATION_FAILED', 'status 只能是 open 或 closed');
    const requests = await publicRequests(
      {
        numbers: list(query.service_request_id),
        categories: list(query.service_code),
        from: query.start_date ? new Date(query.start_date) : undefined,
        to: query.end_date ? new Date(query.end_date) : undefined,
        statuses: statuses as ('open' | 'closed')[] | undefined,
      },
      ctx.state.now,
    );
    const names = await publicNames();
    ctx.body = requests.map((request) => presentRequest(request, names));
  },
);

defineRoute(
  open311Router,
  {
    ...base,
    method: 'get',
    path: '/requests/:id.json',
    summary: 'GeoReport：单个诉求',
    access: 'public',
    params: RequestIdParams,
    response: z.array(RequestOut),
  },
  async (ctx, { params }) => {
    const [request] = await publicRequests({ numbers: [params.id] }, ctx.state.now);
    if (!request) throw notFound('诉求');
    ctx.body = [presentRequest(request, await publicNames())];
  },
);

defineRoute(
  open311Router,
  {
    ...base,
    method: 'get',
    path: '/tokens/:id.json',
    summary: 'GeoReport：由 token 查诉求编号',
    access: 'public',
    params: RequestIdParams,
    response: TokenOut,
  },
  async (ctx, { params }) => {
    const request = await HotlineRequestModel.findOne({ token: params.id }, { number: 1, token: 1 }).lean<HotlineRequestDoc>();
    if (!request?.token) throw notFound('token');
    ctx.body = [{ service_request_id: request.number, token: request.token }];
  },
);
