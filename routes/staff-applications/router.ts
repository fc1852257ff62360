// Staff side of applications: the work queue, 预审 decisions, 受理, 办结, walk-in cases,
// material downloads and the department's ratings (without the rater).
import Router from '@koa/router';
import { z } from 'zod';
import type { ApplicationStatus } from '../../models/application.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { PageQuery, pageSchema } from '../../server/pagination.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { listDepartmentEvaluations } from '../../services/applications/evaluation.ts';
import {
  acceptApplication,
  completeCase,
  createWalkInCase,
  listStaffApplications,
  reviewApplication,
  staffApplication,
} from '../../services/applications/staff.ts';
import type { ApplicationDoc } from '../../services/applications/find.ts';
import { sendMaterialFile } from '../applications/download.ts';
import { guideOf, memberCasesOf, presentForStaff } from '../applications/present.ts';
import { partMaterials } from '../../services/applications/materials-of.ts';
import type { CatalogueSnapshot } from '../../services/catalogue/store.ts';
import { ApplicationOut, ApplicationParams, MATERIAL_FILE_TYPES, MaterialParams } from '../applications/schema.ts';
import { waiveDeferred } from '../../services/applications/deferral.ts';
import { businessDate } from '../../services/applications/business-date.ts';
import { AcceptBody, CompleteBody, ReviewBody, StaffListQuery, WaiveDeferredBody, WalkInBody } from './schema.ts';

export const staffApplicationsRouter = new Router<AppState>({ prefix: '/api/v1/staff' });
const tags = ['窗口：预审与办件'];
export const StaffApplicationOut = ApplicationOut.extend({
  applicantName: z.string().nullable(),
  applicantIsCompany: z.boolean(),
  overdue: z.boolean().describe('已超期：办理中且已过办结期限（按服务器的业务日期）'),
});

export async function answer(ctx: RouteContext, application: ApplicationDoc, status = 200) {
  const catalogue = ctx.state.caches.catalogue.current();
  ctx.status = status;
  ctx.body = presentForStaff(
    ownPart(application, staffOf(ctx).department, catalogue),
    guideOf(catalogue, application.itemCode),
    businessDate(ctx.state.now),
    await memberCasesOf(application, catalogue),
  );
}

/** A department reviewer of a bundle sees only the materials of its own part. */
function ownPart(application: ApplicationDoc, department: string | null, catalogue: CatalogueSnapshot): ApplicationDoc {
  if (!application.bundleCode || !department) return application;
  const names = new Set(partMaterials(application, catalogue, department).map((m) => m.name));
  return { ...application, materials: application.materials.filter((m) => names.has(m.materialName)) };
}

defineRoute(
  staffApplicationsRouter,
  {
    method: 'get',
    path: '/applications',
    summary: '本部门的申请与办件',
    tags,
    access: 'staff',
    query: StaffListQuery,
    response: pageSchema(StaffApplicationOut),
  },
  async (ctx, { query }) => {
    const { status, ...page } = query;
    const staff = staffOf(ctx);
    const result = await listStaffApplications(staff, status as ApplicationStatus | undefined, page);
    const catalogue = ctx.state.caches.catalogue.current();
    const today = businessDate(ctx.state.now);
    ctx.body = {
      ...result,
      items: result.items.map((a) => presentForStaff(ownPart(a, staff.department, catalogue), guideOf(catalogue, a.itemCode), today)),
    };
  },
);

defineRoute(
  staffApplicationsRouter,
  { method: 'get', path: '/applications/:id', summary: '申请详情', tags, access: 'staff', params: ApplicationParams, response: StaffApplicationOut },
  async (ctx, { params }) => answer(ctx, await staffApplication(staffOf(ctx), params.id)),
);

defineRoute(
  staffApplicationsRouter,
  {
    method: 'post',
    path: '/applications/:id/review',
    summary: '预审：通过、一次性告知补正或不予通过',
    tags,
    access: 'staff',
    params: ApplicationParams,
    body: ReviewBody,
    response: StaffApplicationOut,
    errors: { 400: 'VALIDATION_FAILED, UNKNOWN_MATERIAL', 409: 'INVALID_STATE' },
  },
  async (ctx, { params, body }) => answer(ctx, await reviewApplication(staffOf(ctx), params.id, body, ctx.state.now, ctx.state.caches.catalogue.current())),
);

defineRoute(
  staffApplicationsRouter,
  {
    method: 'post',
    path: '/applications/:id/accept',
    summary: '受理（按承诺时限计算办结期限；缺可容缺材料时容缺受理）',
    tags,
    access: 'staff',
    params: ApplicationParams,
    body: AcceptBody,
    response: StaffApplicationOut,
    errors: { 409: 'INVALID_STATE, MATERIALS_MISSING, NOTHING_TO_DEFER' },
  },
  async (ctx, { params, body }) =>
    answer(ctx, await acceptApplication(staffOf(ctx), params.id, ctx.state.now, ctx.state.caches.catalogue.current(), body.deferral, ctx.state.requestId)),
);

defineRoute(
  staffApplicationsRouter,
  {
    method: 'post',
    path: '/applications/:id/deferred/:materialName/waive',
    summary: '容缺材料无需补交（记录理由）',
    tags,
    access: 'staff',
    params: MaterialParams,
    body: WaiveDeferredBody,
    response: StaffApplicationOut,
    errors: { 404: 'NOT_FOUND', 409: 'DEFERRED_CLOSED' },
  },
  async (ctx, { params, body }) => {
    const staff = staffOf(ctx);
    const application = await staffApplication(staff, params.id);
    await answer(ctx, await waiveDeferred(staff, application, params.materialName, body.reason, ctx.state.now, ctx.state.requestId));
  },
);

defineRoute(
  staffApplicationsRouter,
  {
    method: 'post',
    path: '/applications/:id/complete',
    summary: '办结（记录到现场次数）',
    tags,
    access: 'staff',
    params: ApplicationParams,
    body: CompleteBody,
    response: StaffApplicationOut,
    errors: { 409: 'INVALID_STATE, FEE_UNPAID, FEE_BUSY, DEFERRED_MATERIALS_PENDING, BUNDLE_COMPLETES_WITH_PARTS' },
  },
  async (ctx, { params, body }) =>
    answer(ctx, await completeCase(staffOf(ctx), params.id, body.onsiteVisits, ctx.state.now, ctx.state.caches.catalogue.current())),
);

defineRoute(
  staffApplicationsRouter,
  {
    method: 'post',
    path: '/cases',
    summary: '窗口直接受理（现场办件）',
    tags,
    access: 'staff',
    body: WalkInBody,
    response: StaffApplicationOut,
    status: 201,
    errors: { 404: 'NOT_FOUND' },
  },
  async (ctx, { body }) => answer(ctx, await createWalkInCase(staffOf(ctx), body, ctx.state.now, ctx.state.caches.catalogue.current()), 201),
);

defineRoute(
  staffApplicationsRouter,
  {
    method: 'get',
    path: '/applications/:id/materials/:materialName/file',
    summary: '下载申请材料（记录日志）',
    tags,
    access: 'staff',
    params: MaterialParams,
    fileResponse: MATERIAL_FILE_TYPES,
  },
  async (ctx, { params }) => {
    const staff = staffOf(ctx);
    await sendMaterialFile(ctx, ownPart(await staffApplication(staff, params.id), staff.department, ctx.state.caches.catalogue.current()), params.materialName);
  },
);

const EvaluationOut = z.object({
  id: z.string(),
  applicationId: z.string(),
  itemCode: z.string(),
  score: z.number().int(),
  comment: z.string(),
  createdAt: z.string(),
});

defineRoute(
  staffApplicationsRouter,
  {
    method: 'get',
    path: '/evaluations',
    summary: '本部门的好差评（不显示评价人）',
    tags,
    access: 'staff',
    query: PageQuery,
    response: pageSchema(EvaluationOut),
  },
  async (ctx, { query }) => {
    const result = await listDepartmentEvaluations(staffOf(ctx), query);
    ctx.body = {
      ...result,
      items: result.items.map((e) => ({
        id: String(e._id),
        applicationId: String(e.applicationId),
        itemCode: e.itemCode,
        score: e.score,
        comment: e.comment,
        createdAt: e.createdAt.toISOString(),
      })),
    };
  },
);
