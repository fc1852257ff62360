// Citizen side of applications: open, upload materials, submit, follow, download, evaluate.
import Router from '@koa/router';
import { z } from 'zod';
import { validationFailed } from '../../server/errors.ts';
import { citizenOf } from '../../server/middleware/authenticate.ts';
import { pageSchema } from '../../server/pagination.ts';
import { uploadRateLimit } from '../../server/rate-limits.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { listOwnApplications, openApplication, ownApplication, submitApplication } from '../../services/applications/citizen.ts';
import { evaluateCase } from '../../services/applications/evaluation.ts';
import { uploadMaterial } from '../../services/applications/materials.ts';
import type { ApplicationDoc } from '../../services/applications/find.ts';
import { sendMaterialFile } from './download.ts';
import { guideOf, memberCasesOf, presentApplication } from './present.ts';
import { openBundleApplication } from '../../services/bundles/apply.ts';
import {
  ApplicationOut,
  ApplicationParams,
  EvaluationBody,
  MATERIAL_FILE_TYPES,
  MaterialParams,
  MaterialUploadBody,
  OpenApplicationBody,
  OwnListQuery,
} from './schema.ts';
import { singleFileUpload, uploadedFile } from './upload.ts';

export const applicationsRouter = new Router<AppState>({ prefix: '/api/v1' });
const tags = ['网上预审与办件'];

async function answer(ctx: RouteContext, application: ApplicationDoc, status = 200) {
  const catalogue = ctx.state.caches.catalogue.current();
  ctx.status = status;
  ctx.body = presentApplication(application, guideOf(catalogue, application.itemCode), await memberCasesOf(application, catalogue));
}

defineRoute(
  applicationsRouter,
  {
    method: 'post',
    path: '/applications',
    summary: '发起网上预审申请（草稿）',
    tags,
    access: 'citizen',
    body: OpenApplicationBody,
    response: ApplicationOut,
    status: 201,
    errors: { 403: 'PROFILE_REQUIRED', 404: 'NOT_FOUND', 409: 'PRE_REVIEW_NOT_OFFERED' },
  },
  async (ctx, { body }) => {
    const catalogue = ctx.state.caches.catalogue.current();
    const opened = body.bundleCode
      ? await openBundleApplication(citizenOf(ctx).id, body.bundleCode, ctx.state.now, catalogue)
      : await openApplication(citizenOf(ctx).id, body.itemCode ?? '', ctx.state.now, catalogue);
    await answer(ctx, opened, 201);
  },
);

defineRoute(
  applicationsRouter,
  {
    method: 'post',
    path: '/applications/:id/materials',
    summary: '上传一项申请材料（pdf/jpg/png）',
    tags,
    access: 'citizen',
    params: ApplicationParams,
    body: MaterialUploadBody,
    requestContentType: 'multipart/form-data',
    before: [uploadRateLimit(), singleFileUpload],
    response: ApplicationOut,
    errors: { 400: 'VALIDATION_FAILED, UNKNOWN_MATERIAL, UPLOAD_INVALID', 409: 'INVALID_STATE', 413: 'PAYLOAD_TOO_LARGE', 415: 'FILE_TYPE_NOT_ALLOWED' },
  },
  async (ctx, { params, body }) => {
    const file = uploadedFile(ctx);
    if (!file) throw validationFailed({ 'body.file': '请选择要上传的文件' });
    const application = await uploadMaterial(
      {
        citizenId: citizenOf(ctx).id,
        applicationId: params.id,
        materialName: body.materialName,
        originalName: file.originalname,
        content: file.buffer,
      },
      ctx.state.now,
      ctx.state.caches.catalogue.current(),
    );
    await answer(ctx, application);
  },
);

defineRoute(
  applicationsRouter,
  {
    method: 'post',
    path: '/applications/:id/submit',
    summary: '提交预审（含补正后重新提交）',
    tags,
    access: 'citizen',
    params: ApplicationParams,
    response: ApplicationOut,
    errors: { 409: 'MATERIALS_MISSING, INVALID_STATE' },
  },
  async (ctx, { params }) => answer(ctx, await submitApplication(citizenOf(ctx).id, params.id, ctx.state.now, ctx.state.caches.catalogue.current())),
);

defineRoute(
  applicationsRouter,
  { method: 'get', path: '/me/applications', summary: '我的申请与办件', tags, access: 'citizen', query: OwnListQuery, response: pageSchema(ApplicationOut) },
  async (ctx, { query }) => {
    const result = await listOwnApplications(citizenOf(ctx).id, query);
    const { byCode, bundlesByCode } = ctx.state.caches.catalogue.current();
    ctx.body = { ...result, items: result.items.map((a) => presentApplication(a, byCode.get(a.itemCode) ?? bundlesByCode.get(a.itemCode))) };
  },
);

defineRoute(
  applicationsRouter,
  {
    method: 'get',
    path: '/applications/:id',
    summary: '申请详情（含全部办理记录）',
    tags,
    access: 'citizen',
    params: ApplicationParams,
    response: ApplicationOut,
  },
  async (ctx, { params }) => answer(ctx, await ownApplication(citizenOf(ctx).id, params.id)),
);

defineRoute(
  applicationsRouter,
  {
    method: 'get',
    path: '/applications/:id/materials/:materialName/file',
    summary: '下载本人上传的材料',
    tags,
    access: 'citizen',
    params: MaterialParams,
    fileResponse: MATERIAL_FILE_TYPES,
  },
  async (ctx, { params }) => sendMaterialFile(ctx, await ownApplication(citizenOf(ctx).id, params.id), params.materialName),
);

defineRoute(
  applicationsRouter,
  {
    method: 'post',
    path: '/applications/:id/evaluation',
    summary: '好差评（办结后评价一次）',
    tags,
    access: 'citizen',
    params: ApplicationParams,
    body: EvaluationBody,
    status: 201,
    response: z.object({ score: z.number().int(), comment: z.string(), evaluatedAt: z.string() }),
    errors: { 409: 'ALREADY_EVALUATED, INVALID_STATE' },
  },
  async (ctx, { params, body }) => {
    const { evaluation } = await evaluateCase(citizenOf(ctx).id, params.id, body, ctx.state.now);
    ctx.status = 201;
    ctx.body = { score: evaluation.score, comment: evaluation.comment, evaluatedAt: evaluation.createdAt.toISOString() };
  },
);
