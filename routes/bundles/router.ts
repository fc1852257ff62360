// Bundles (一件事): the public list and guide, and their definition by center admins.
import Router from '@koa/router';
import { notFound } from '../../server/errors.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { PageQuery, pageOf, pageSchema } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { listBundles, putBundle } from '../../services/bundles/admin.ts';
import { CodeParams } from '../admin/catalogue-schema.ts';
import { AdminBundleOut, BundleGuideOut, BundleInput, BundleSummaryOut } from './schema.ts';

export const bundlesRouter = new Router<AppState>({ prefix: '/api/v1' });
const tags = ['一件事一次办'];

const presentAdmin = (b: { code: string; name: string; description: string; items: string[]; published: boolean }) => ({
  code: b.code,
  name: b.name,
  description: b.description,
  items: [...b.items],
  published: b.published,
});

defineRoute(
  bundlesRouter,
  { method: 'get', path: '/bundles', summary: '一件事清单', tags, access: 'public', query: PageQuery, response: pageSchema(BundleSummaryOut) },
  async (ctx, { query }) => {
    const all = [...ctx.state.caches.catalogue.current().bundlesByCode.values()].map((b) => ({
      code: b.code,
      name: b.name,
      description: b.description,
      itemCount: b.items.length,
      departments: b.departments,
      promisedLimitDays: b.promisedLimitDays,
    }));
    ctx.body = pageOf(all, query);
  },
);

defineRoute(
  bundlesRouter,
  {
    method: 'get',
    path: '/bundles/:code',
    summary: '一件事办事指南（合并材料清单、流程、收费与时限）',
    tags,
    access: 'public',
    params: CodeParams,
    response: BundleGuideOut,
  },
  async (ctx, { params }) => {
    const bundle = ctx.state.caches.catalogue.current().bundlesByCode.get(params.code);
    if (!bundle) throw notFound('一件事');
    ctx.body = {
      ...bundle,
      materials: bundle.materials.map((m) => ({
        name: m.name,
        form: m.form,
        copies: m.copies,
        required: m.required,
        deferrable: m.deferrable,
        acceptanceStandard: m.acceptanceStandard,
        source: m.source,
        note: m.note,
        items: [...m.items],
      })),
    };
  },
);

defineRoute(
  bundlesRouter,
  { method: 'get', path: '/admin/bundles', summary: '一件事定义列表', tags, access: 'admin', query: PageQuery, response: pageSchema(AdminBundleOut) },
  async (ctx, { query }) => {
    const result = await listBundles(query);
    ctx.body = { ...result, items: result.items.map(presentAdmin) };
  },
);

defineRoute(
  bundlesRouter,
  {
    method: 'put',
    path: '/admin/bundles/:code',
    summary: '定义一件事（由多个事项组成，可跨部门）',
    tags,
    access: 'center_admin',
    params: CodeParams,
    body: BundleInput,
    response: AdminBundleOut,
    errors: { 400: 'VALIDATION_FAILED, UNKNOWN_ITEM' },
  },
  async (ctx, { params, body }) => {
    ctx.body = presentAdmin(await putBundle(params.code, body, staffOf(ctx), ctx.state.now, ctx.state.caches.catalogue, ctx.state.requestId));
  },
);
