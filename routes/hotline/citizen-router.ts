// Citizens and the 12345 hotline from the mini-program: the category tree, submit a request
// (诉求), add photos, follow it and rate the reply.
import Router from '@koa/router';
import { z } from 'zod';
import { HotlineRequestModel, type HotlineRequestDoc } from '../../models/hotline-request.ts';
import { citizenOf } from '../../server/middleware/authenticate.ts';
import { validationFailed, notFound } from '../../server/errors.ts';
import { findPage, pageSchema, PageQuery } from '../../server/pagination.ts';
import { uploadRateLimit } from '../../server/rate-limits.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { listCategories } from '../../services/hotline/categories.ts';
import { submitByCitizen } from '../../services/hotline/intake.ts';
import { addPhoto } from '../../services/hotline/photos.ts';
import { rateByCitizen } from '../../services/hotline/rating.ts';
import { findRequest } from '../../services/hotline/transition.ts';
import { singleFileUpload, uploadedFile } from '../applications/upload.ts';
import { presentCategory, presentForCitizen } from './present.ts';
import { CategoryOut, CitizenRequestOut, PhotoBody, RatingBody, RequestParams, SubmitBody } from './schema.ts';

export const hotlineRouter = new Router<AppState>({ prefix: '/api/v1/hotline' });
const tags = ['12345 热线：市民'];

async function ownRequest(citizenId: string, id: string): Promise<HotlineRequestDoc> {
  const request = await findRequest(id);
  if (!request || String(request.citizenId) !== citizenId) throw notFound('诉求');
  return request;
}

defineRoute(
  hotlineRouter,
  { method: 'get', path: '/categories', summary: '诉求分类（树，按 parent 组织）', tags, access: 'public', response: z.array(CategoryOut) },
  async (ctx) => {
    ctx.body = (await listCategories()).map(presentCategory);
  },
);

defineRoute(
  hotlineRouter,
  {
    method: 'post',
    path: '/requests',
    summary: '提交诉求（咨询/求助/投诉/建议/举报；举报可匿名）',
    tags,
    access: 'citizen',
    body: SubmitBody,
    response: CitizenRequestOut,
    status: 201,
    errors: { 404: 'NOT_FOUND（分类不存在）' },
  },
  async (ctx, { body }) => {
    ctx.status = 201;
    ctx.body = presentForCitizen(await submitByCitizen(citizenOf(ctx).id, body, ctx.state.now));
  },
);

defineRoute(
  hotlineRouter,
  { method: 'get', path: '/requests', summary: '我的诉求', tags, access: 'citizen', query: PageQuery, response: pageSchema(CitizenRequestOut) },
  async (ctx, { query }) => {
    const page = await findPage<HotlineRequestDoc>(HotlineRequestModel, { citizenId: citizenOf(ctx).id }, { receivedAt: -1, _id: -1 }, query);
    ctx.body = { ...page, items: page.items.map(presentForCitizen) };
  },
);

defineRoute(
  hotlineRouter,
  {
    method: 'get',
    path: '/requests/:id',
    summary: '诉求详情与办理过程（不含部门内部备注）',
    tags,
    access: 'citizen',
    params: RequestParams,
    response: CitizenRequestOut,
  },
  async (ctx, { params }) => {
    ctx.body = presentForCitizen(await ownRequest(citizenOf(ctx).id, params.id));
  },
);

defineRoute(
  hotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/photos',
    summary: '为诉求添加一张照片（jpg/png，按内容识别）',
    tags,
    access: 'citizen',
    params: RequestParams,
    body: PhotoBody,
    requestContentType: 'multipart/form-data',
    before: [uploadRateLimit(), singleFileUpload],
    response: CitizenRequestOut,
    errors: { 409: 'TOO_MANY_PHOTOS, PHOTOS_CLOSED', 413: 'PAYLOAD_TOO_LARGE', 415: 'FILE_TYPE_NOT_ALLOWED' },
  },
  async (ctx, { params }) => {
    const file = uploadedFile(ctx);
    if (!file) throw validationFailed({ 'body.file': '请选择要上传的照片' });
    ctx.body = presentForCitizen(await addPhoto(citizenOf(ctx).id, params.id, file.buffer, file.originalname));
  },
);

defineRoute(
  hotlineRouter,
  {
    method: 'post',
    path: '/requests/:id/rating',
    summary: '评价答复（满意/基本满意/不满意；不满意可重新办理一次）',
    tags,
    access: 'citizen',
    params: RequestParams,
    body: RatingBody,
    response: CitizenRequestOut,
    errors: { 409: 'INVALID_STATE, ALREADY_RATED, RATING_WINDOW_CLOSED' },
  },
  async (ctx, { params, body }) => {
    ctx.body = presentForCitizen(await rateByCitizen(citizenOf(ctx).id, params.id, body.rating, ctx.state.now));
  },
);
