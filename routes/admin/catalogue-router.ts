// /api/v1/admin/{departments,windows,items}: catalogue CRUD for center and department admins.
import Router from '@koa/router';
import { z } from 'zod';
import type { ZodType } from 'zod';
import { DepartmentModel } from '../../models/department.ts';
import { ItemModel } from '../../models/item.ts';
import { WindowModel } from '../../models/window.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { PageQuery, pageSchema, findPage } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import { validationFailed } from '../../server/errors.ts';
import type { AppState } from '../../server/state.ts';
import { createEntry, findEntry, updateEntry } from '../../services/catalogue/admin.ts';
import {
  CodeParams, DepartmentInput, DepartmentPatch, ItemInput, ItemPatch, WindowInput, WindowPatch, guideRuleViolations,
} from './catalogue-schema.ts';

export const adminCatalogueRouter = new Router<AppState>({ prefix: '/api/v1/admin' });

const Entry = z.object({ code: z.string() }).loose();
const ListQuery = PageQuery.extend({ department: z.string().trim().max(32).optional() });

interface Resource {
  path: string;
  entity: 'department' | 'window' | 'item';
  label: string;
  model: typeof DepartmentModel;
  input: ZodType<{ code: string; department?: string }>;
  patch: ZodType<Record<string, unknown>>;
  check?: (value: Record<string, unknown>) => Record<string, string>;
  /** Who may create and change entries (reading is for every admin, within scope). */
  writeAccess: 'admin' | 'center_admin';
}

const resources: Resource[] = [
  { path: 'departments', entity: 'department', label: '部门', model: DepartmentModel, input: DepartmentInput, patch: DepartmentPatch, writeAccess: 'center_admin' },
  { path: 'windows', entity: 'window', label: '窗口', model: WindowModel as never, input: WindowInput, patch: WindowPatch, writeAccess: 'admin' },
  {
    path: 'items', entity: 'item', label: '事项', model: ItemModel as never, input: ItemInput, patch: ItemPatch.extend({ published: z.boolean().optional() }).meta({ example: { promisedLimitDays: 7, published: true } }),
    check: guideRuleViolations,
    writeAccess: 'admin',
  },
];

for (const resource of resources) mountResource(resource);

function mountResource({ path, entity, label, model, input, patch, check, writeAccess }: Resource): void {
  const tags = ['管理：事项与窗口'];
  defineRoute(
    adminCatalogueRouter,
    { method: 'get', path: `/${path}`, summary: `${label}列表（含已下架）`, tags, access: 'admin', query: ListQuery, response: pageSchema(Entry) },
    async (ctx, { query }) => {
      const staff = staffOf(ctx);
      const filter: Record<string, string> = {};
      if (entity !== 'department') {
        const department = staff.role === 'center_admin' ? query.department : staff.department;
        if (department) filter.department = department;
      }
      ctx.body = await findPage(model, filter, { code: 1 }, query);
    },
  );
  defineRoute(
    adminCatalogueRouter,
    { method: 'post', path: `/${path}`, summary: `新建${label}`, tags, access: writeAccess, body: input, response: Entry, status: 201, errors: { 409: 'CODE_TAKEN' } },
    async (ctx, { body }) => {
      assertRules(check, body);
      ctx.status = 201;
      ctx.body = await createEntry(entity, body, { actor: staffOf(ctx), requestId: ctx.state.requestId, catalogue: ctx.state.caches.catalogue });
    },
  );
  defineRoute(
    adminCatalogueRouter,
    { method: 'get', path: `/${path}/:code`, summary: `查看${label}`, tags, access: 'admin', params: CodeParams, response: Entry },
    async (ctx, { params }) => {
      ctx.body = await findEntry(entity, params.code, staffOf(ctx));
    },
  );
  defineRoute(
    adminCatalogueRouter,
    { method: 'patch', path: `/${path}/:code`, summary: `修改${label}（部分字段）`, tags, access: writeAccess, params: CodeParams, body: patch, response: Entry },
    async (ctx, { params, body }) => {
      if (check) {
        const current = await findEntry(entity, params.code, staffOf(ctx));
        assertRules(check, { ...current, ...body });
      }
      ctx.body = await updateEntry(entity, params.code, body, { actor: staffOf(ctx), requestId: ctx.state.requestId, catalogue: ctx.state.caches.catalogue });
    },
  );
}

defineRoute(
  adminCatalogueRouter,
  { method: 'post', path: '/items/:code/unpublish', summary: '下架事项', tags: ['管理：事项与窗口'], access: 'admin', params: CodeParams, response: Entry },
  async (ctx, { params }) => {
    ctx.body = await updateEntry('item', params.code, { published: false }, { actor: staffOf(ctx), requestId: ctx.state.requestId, catalogue: ctx.state.caches.catalogue });
  },
);

function assertRules(check: Resource['check'], value: Record<string, unknown>): void {
  const problems = check?.(value) ?? {};
  if (Object.keys(problems).length) throw validationFailed(problems, '办事指南内容不完整');
}
