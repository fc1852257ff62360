// The public catalogue: departments, item list with search, and the full guide of one item.
import Router from '@koa/router';
import { z } from 'zod';
import { notFound, validationFailed } from '../../server/errors.ts';
import { pageOf, pageSchema } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { cachedAnswer, type CatalogueSnapshot } from '../../services/catalogue/store.ts';
import { matchCode, searchCatalogue } from '../../services/catalogue/search.ts';
import { GuideOut, ItemCodeParams, ItemListQuery, ItemSummaryOut } from './schema.ts';

export const catalogueRouter = new Router<AppState>({ prefix: '/api/v1' });

const DepartmentOut = z.object({ id: z.string(), code: z.string(), name: z.string() });

defineRoute(
  catalogueRouter,
  { method: 'get', path: '/departments', summary: '部门列表', tags: ['事项清单'], access: 'public', response: z.object({ items: z.array(DepartmentOut) }) },
  async (ctx) => {
    const { departments } = ctx.state.caches.catalogue.current();
    ctx.body = { items: departments.map((d) => ({ id: String(d._id), code: d.code, name: d.name })) };
  },
);

defineRoute(
  catalogueRouter,
  {
    method: 'get',
    path: '/items',
    summary: '事项清单（支持中文、关键词与拼音首字母检索）',
    tags: ['事项清单'],
    access: 'public',
    query: ItemListQuery,
    response: pageSchema(ItemSummaryOut),
  },
  async (ctx, { query: given }) => {
    const catalogue = ctx.state.caches.catalogue.current();
    const query = { ...given, department: given.department ? knownDepartment(catalogue, given.department) : undefined };
    ctx.type = 'application/json';
    ctx.body = cachedAnswer(catalogue, `items:${JSON.stringify(query)}`, () => {
      const { page, pageSize, ...filters } = query;
      const result = pageOf(searchCatalogue(catalogue.entries, filters), { page, pageSize });
      return { ...result, items: result.items.map((entry) => entry.summary) };
    });
  },
);

defineRoute(
  catalogueRouter,
  {
    method: 'get',
    path: '/items/:code',
    summary: '办事指南',
    tags: ['事项清单'],
    access: 'public',
    params: ItemCodeParams,
    response: GuideOut,
  },
  async (ctx, { params }) => {
    const catalogue = ctx.state.caches.catalogue.current();
    const guide = catalogue.byCode.get(params.code);
    if (!guide) throw notFound('事项');
    ctx.type = 'application/json';
    ctx.body = cachedAnswer(catalogue, `item:${params.code}`, () => guide);
  },
);

/** The department code a filter names, in any case (ga → GA); a 400 naming it when none has it. */
function knownDepartment(catalogue: CatalogueSnapshot, given: string): string {
  const codes = new Set([...catalogue.departments.map((d) => d.code), ...catalogue.entries.map((e) => e.guide.department.code)]);
  const code = matchCode(codes, given);
  if (!code) throw validationFailed({ 'query.department': `没有编码为“${given}”的部门（部门编码见 GET /api/v1/departments）` }, '部门编码不存在');
  return code;
}
