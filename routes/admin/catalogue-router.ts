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
  CodeParams,
  DepartmentInput,
  DepartmentOut,
  DepartmentPatch,
  ItemInput,
  ItemOut,
  ItemPatch,
  WindowInput,
  WindowOut,
  WindowPatch,
  guideRuleViolations,
} from './catalogue-schema.ts';

export const adminCatalogueRouter = new Router<AppState>({ prefix: '/api/v1/admin' });

const ListQuery = PageQuery.extend({ department: z.string().trim().max(32).optional() });

interface Resource {
  path: string;
  entity: 'department' | 'window' | 'item';
  label: string;
  model: typeof DepartmentModel;
  input: ZodType<{ code: string; department?: string }>;
  patch: ZodType<Record<string, unknown>>;
  check?: (value: Record<string, unknown>) => Record<string, string>;
  /** The answer: exactly the fields of `output`, with `id` for `_id`. */
  output: z.ZodObject;
  /** Who may create and change entries (reading is for every admin, within scope). */
  writeAccess: 'admin' | 'center_admin';
}

const resources: Resource[] = [
  {
    path: 'departments',
    entity: 'department',
    label: '部门',
    model: DepartmentModel,
    input: DepartmentInput,
    patch: DepartmentPatch,
    output: DepartmentOut,
    writeAccess: 'center_admin',
  },
  {
    path: 'windows',
    entity: 'window',
    label: '窗口',
    model: WindowModel as never,
    input: WindowInput,
    patch: WindowPatch,
    output: WindowOut,
    writeAccess: 'admin',
  },
  {
    path: 'items',
    entity: 'item',
    label: '事项',
    model: ItemModel as never,
    input: ItemInput,
    patch: ItemPatch.meta({ example: { promisedLimitDays: 7, published: true } }),
    output: ItemOut,
    check: guideRuleViolations,
    writeAccess: 'admin',
  },
];

for (const resource of resources) mountResource(resource);

function mountResource({ path, entity, label, model, input, patch, check, output, writeAccess }: Resource): void {
  const present = (entry: unknown) => presentEntry(output, entry);
  const tags = ['管理：事项与窗口'];
  defineRoute(
    adminCatalogueRouter,
    { method: 'get', path: `/${path}`, summary: `${label}列表（含已下架）`, tags, access: 'admin', query: ListQuery, response: pageSchema(output) },
    async (ctx, { query }) => {
      const staff = staffOf(ctx);
      const filter: Record<string, string> = {};
      if (entity !== 'department') {
        const department = staff.role === 'center_admin' ? query.department : staff.department;
        if (department) filter.department = department;
      }
      const found = await findPage(model, filter, { code: 1 }, query);
      ctx.body = { ...found, items: found.items.map(present) };
    },
  );
  defineRoute(
    adminCatalogueRouter,
    {
      method: 'post',
      path: `/${path}`,
      summary: `新建${label}`,
      tags,
      access: writeAccess,
      body: input,
      response: output,
      status: 201,
      errors: { 409: 'CODE_TAKEN' },
    },
    async (ctx, { body }) => {
      assertRules(check, body);
      ctx.status = 201;
      ctx.body = present(await createEntry(entity, body, { actor: staffOf(ctx), requestId: ctx.state.requestId, catalogue: ctx.state.caches.catalogue }));
    },
  );
  defineRoute(
    adminCatalogueRouter,
    { method: 'get', path: `/${path}/:code`, summary: `查看${label}`, tags, access: 'admin', params: CodeParams, response: output },
    async (ctx, { params }) => {
      ctx.body = present(await findEntry(entity, params.code, staffOf(ctx)));
    },
  );
  defineRoute(
    adminCatalogueRouter,
    {
      method: 'patch',
      path: `/${path}/:code`,
      summary: `修改${label}（部分字段）`,
      tags,
      access: writeAccess,
      params: CodeParams,
      body: patch,
      response: output,
    },
    async (ctx, { params, body }) => {
      if (check) {
        const current = await findEntry(entity, params.code, staffOf(ctx));
        assertRules(check, { ...current, ...body });
      }
      ctx.body = present(
        await updateEntry(entity, params.code, body, { actor: staffOf(ctx), requestId: ctx.state.requestId, catalogue: ctx.state.caches.catalogue }),
      );
    },
  );
}

defineRoute(
  adminCatalogueRouter,
  { method: 'post', path: '/items/:code/unpublish', summary: '下架事项', tags: ['管理：事项与窗口'], access: 'admin', params: CodeParams, response: ItemOut },
  async (ctx, { params }) => {
    ctx.body = presentEntry(
      ItemOut,
      await updateEntry(
        'item',
        params.code,
        { published: false },
        { actor: staffOf(ctx), requestId: ctx.state.requestId, catalogue: ctx.state.caches.catalogue },
      ),
    );
  },
);

function assertRules(check: Resource['check'], value: Record<string, unknown>): void {
  const problems = check?.(value) ?? {};
  if (Object.keys(problems).length) throw validationFailed(problems, '办事指南内容不完整');
}

/** Exactly the fields the answer declares, `_id` as `id`: nothing internal leaves by accident. */
function presentEntry(output: z.ZodObject, entry: unknown): Record<string, unknown> {
  const record = (entry ?? {}) as Record<string, unknown>;
  const picked: Record<string, unknown> = { id: String(record._id) };
  for (const key of Object.keys(output.shape)) if (key !== 'id' && key in record) picked[key] = record[key];
  return picked;
}
