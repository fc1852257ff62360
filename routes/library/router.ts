// The citizen's material library: list, delete, the matches offered for an application, reuse.
import Router from '@koa/router';
import { citizenOf } from '../../server/middleware/authenticate.ts';
import { PageQuery, pageSchema } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { deleteLibraryEntry, listLibrary } from '../../services/library/own.ts';
import { reusableMatches, reuseMaterial } from '../../services/library/reuse.ts';
import { presentApplication } from '../applications/present.ts';
import { ApplicationOut, ApplicationParams } from '../applications/schema.ts';
import { presentLibraryEntry } from './present.ts';
import { LibraryEntryOut, LibraryParams, ReusableOut, ReuseBody } from './schema.ts';

export const libraryRouter = new Router<AppState>({ prefix: '/api/v1' });
const tags = ['材料库（一次提交、多次复用）'];

defineRoute(
  libraryRouter,
  {
    method: 'get',
    path: '/me/materials',
    summary: '我的材料库（已核验的材料）',
    tags,
    access: 'citizen',
    query: PageQuery,
    response: pageSchema(LibraryEntryOut),
  },
  async (ctx, { query }) => {
    const result = await listLibrary(citizenOf(ctx).id, query);
    ctx.body = { ...result, items: result.items.map((e) => presentLibraryEntry(e, ctx.state.now)) };
  },
);

defineRoute(
  libraryRouter,
  {
    method: 'delete',
    path: '/me/materials/:id',
    summary: '从材料库删除（已使用该材料的办件不受影响）',
    tags,
    access: 'citizen',
    params: LibraryParams,
    status: 204,
    errors: { 404: 'NOT_FOUND' },
  },
  async (ctx, { params }) => {
    await deleteLibraryEntry(citizenOf(ctx).id, params.id);
    ctx.status = 204;
  },
);

defineRoute(
  libraryRouter,
  {
    method: 'get',
    path: '/applications/:id/reusable-materials',
    summary: '本申请可复用的材料库材料（仍在有效期内）',
    tags,
    access: 'citizen',
    params: ApplicationParams,
    response: ReusableOut,
  },
  async (ctx, { params }) => {
    const offered = await reusableMatches(citizenOf(ctx).id, params.id, ctx.state.now, ctx.state.caches.catalogue.current());
    ctx.body = { items: offered.map((o) => ({ materialName: o.materialName, matches: o.matches.map((e) => presentLibraryEntry(e, ctx.state.now)) })) };
  },
);

defineRoute(
  libraryRouter,
  {
    method: 'post',
    path: '/applications/:id/materials/reuse',
    summary: '复用材料库中的材料（本人同意，无需再次上传）',
    tags,
    access: 'citizen',
    params: ApplicationParams,
    body: ReuseBody,
    response: ApplicationOut,
    errors: { 400: 'VALIDATION_FAILED, UNKNOWN_MATERIAL', 404: 'NOT_FOUND', 409: 'INVALID_STATE, MATERIAL_EXPIRED, MATERIAL_TYPE_MISMATCH, FILE_GONE' },
  },
  async (ctx, { params, body }) => {
    const catalogue = ctx.state.caches.catalogue.current();
    const updated = await reuseMaterial(citizenOf(ctx).id, params.id, body.materialName, body.libraryId, ctx.state.now, catalogue);
    ctx.body = presentApplication(updated, catalogue.byCode.get(updated.itemCode));
  },
);
