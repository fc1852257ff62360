// /api/v1/admin/webhooks: partner endpoints and their delivery logs, center admins only (the
// events span every department).
import Router from '@koa/router';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { PageQuery, pageSchema } from '../../server/pagination.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { createEndpoint, deleteEndpoint, listDeliveries, listEndpoints, rotateEndpointSecret, updateEndpoint } from '../../services/webhooks/endpoints.ts';
import { presentDelivery, presentEndpoint } from './present.ts';
import { DeliveryOut, WebhookInput, WebhookOut, WebhookParams, WebhookPatch, WebhookWithSecret } from './schema.ts';

export const adminWebhooksRouter = new Router<AppState>({ prefix: '/api/v1/admin' });
const tags = ['管理：数据推送（Webhook）'];
const access = 'center_admin' as const;
const change = (ctx: RouteContext) => ({ actor: staffOf(ctx), requestId: ctx.state.requestId, now: ctx.state.now });

defineRoute(
  adminWebhooksRouter,
  { method: 'get', path: '/webhooks', summary: '推送端点列表', tags, access, query: PageQuery, response: pageSchema(WebhookOut) },
  async (ctx, { query }) => {
    const found = await listEndpoints(query);
    ctx.body = { ...found, items: found.items.map(presentEndpoint) };
  },
);

defineRoute(
  adminWebhooksRouter,
  {
    method: 'post',
    path: '/webhooks',
    summary: '登记推送端点（签名密钥仅显示一次）',
    tags,
    access,
    body: WebhookInput,
    response: WebhookWithSecret,
    status: 201,
  },
  async (ctx, { body }) => {
    const { endpoint, secret } = await createEndpoint(body, change(ctx));
    ctx.status = 201;
    ctx.body = { ...presentEndpoint(endpoint), secret };
  },
);

defineRoute(
  adminWebhooksRouter,
  {
    method: 'patch',
    path: '/webhooks/:id',
    summary: '修改推送端点（地址、事件、停用）',
    tags,
    access,
    params: WebhookParams,
    body: WebhookPatch,
    response: WebhookOut,
  },
  async (ctx, { params, body }) => {
    ctx.body = presentEndpoint(await updateEndpoint(params.id, body, change(ctx)));
  },
);

defineRoute(
  adminWebhooksRouter,
  {
    method: 'post',
    path: '/webhooks/:id/secret',
    summary: '重置签名密钥（仅显示一次，旧密钥立即失效）',
    tags,
    access,
    params: WebhookParams,
    response: WebhookWithSecret,
  },
  async (ctx, { params }) => {
    const { endpoint, secret } = await rotateEndpointSecret(params.id, change(ctx));
    ctx.body = { ...presentEndpoint(endpoint), secret };
  },
);

defineRoute(
  adminWebhooksRouter,
  { method: 'delete', path: '/webhooks/:id', summary: '删除推送端点（排队中的推送不再发送）', tags, access, params: WebhookParams, status: 204 },
  async (ctx, { params }) => {
    await deleteEndpoint(params.id, change(ctx));
    ctx.status = 204;
  },
);

defineRoute(
  adminWebhooksRouter,
  {
    method: 'get',
    path: '/webhooks/:id/deliveries',
    summary: '推送记录（每次尝试的时间、HTTP 状态与错误）',
    tags,
    access,
    params: WebhookParams,
    query: PageQuery,
    response: pageSchema(DeliveryOut),
  },
  async (ctx, { params, query }) => {
    const found = await listDeliveries(params.id, query);
    ctx.body = { ...found, items: found.items.map(presentDelivery) };
  },
);
