// Material types (材料类型): map materials of many items to one type and set how long an
// approved file of it may be reused.
import Router from '@koa/router';
import { z } from 'zod';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { PageQuery, pageSchema } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { listMaterialTypes, putMaterialType } from '../../services/library/admin-types.ts';
import { CodeParams } from '../admin/catalogue-schema.ts';

export const adminMaterialTypesRouter = new Router<AppState>({ prefix: '/api/v1/admin' });
const tags = ['管理：材料类型'];

const MaterialTypeInput = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    materialNames: z.array(z.string().trim().min(1).max(100)).max(200).describe('各事项中属于该类型的材料名称'),
    validMonths: z.number().int().min(1).max(240).default(6).describe('核验后可复用的月数'),
    expiryEntered: z.boolean().default(false).describe('由审核人员录入证件本身的有效期（如居民身份证）'),
  })
  .meta({ example: { name: '居民身份证', materialNames: ['居民身份证', '申请人居民身份证', '新生儿父母居民身份证'], validMonths: 120, expiryEntered: true } });

const MaterialTypeOut = z.object({
  code: z.string(),
  name: z.string(),
  materialNames: z.array(z.string()),
  validMonths: z.number().int(),
  expiryEntered: z.boolean(),
  updatedAt: z.string(),
});
const present = (t: { code: string; name: string; materialNames: string[]; validMonths: number; expiryEntered: boolean; updatedAt: Date }) => ({
  code: t.code,
  name: t.name,
  materialNames: [...t.materialNames],
  validMonths: t.validMonths,
  expiryEntered: t.expiryEntered,
  updatedAt: t.updatedAt.toISOString(),
});

defineRoute(
  adminMaterialTypesRouter,
  { method: 'get', path: '/material-types', summary: '材料类型列表', tags, access: 'admin', query: PageQuery, response: pageSchema(MaterialTypeOut) },
  async (ctx, { query }) => {
    const result = await listMaterialTypes(query);
    ctx.body = { ...result, items: result.items.map(present) };
  },
);

defineRoute(
  adminMaterialTypesRouter,
  {
    method: 'put',
    path: '/material-types/:code',
    summary: '设置材料类型（跨事项归并同一材料，设定有效期）',
    tags,
    access: 'center_admin',
    params: CodeParams,
    body: MaterialTypeInput,
    response: MaterialTypeOut,
    errors: { 409: 'MATERIAL_NAME_TAKEN' },
  },
  async (ctx, { params, body }) => {
    ctx.body = present(await putMaterialType(params.code, body, staffOf(ctx), ctx.state.now, ctx.state.requestId));
  },
);
