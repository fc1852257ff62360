// Excel downloads for admins: the figures, the case register of a period (streamed) and the
// catalogue. Each download is audited with what was asked for.
import { PassThrough } from 'node:stream';
import Router from '@koa/router';
import { z } from 'zod';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { badRequest, forbidden } from '../../server/errors.ts';
import { logger } from '../../server/logger.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { recordAudit } from '../../services/audit/record.ts';
import { catalogueWorkbook } from '../../services/figures/catalogue-export.ts';
import { figuresWorkbook } from '../../services/figures/figures-workbook.ts';
import { writeRegister } from '../../services/figures/register-export.ts';
import { attachment, XLSX_TYPE } from '../../services/figures/xlsx.ts';
import { DateString } from './booking-schema.ts';
import { RangeQuery } from './figures-schema.ts';

export const adminExportsRouter = new Router<AppState>({ prefix: '/api/v1/admin/exports' });
const tags = ['管理：导出与导入'];

const RegisterQuery = z
  .strictObject({
    from: DateString,
    to: DateString,
    unmasked: z.enum(['true', 'false']).default('false').describe('true: applicants in full (center admins, with a purpose)'),
    purpose: z.string().trim().min(4).max(200).optional().describe('why names are needed in full; recorded in the audit log'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' });

async function audit(ctx: RouteContext, what: string, after: Record<string, unknown>, purpose = '') {
  await recordAudit({ actor: staffOf(ctx), action: 'export', entity: 'export', entityId: what, after, purpose, requestId: ctx.state.requestId }, ctx.state.now);
}

function sendFile(ctx: RouteContext, filename: string) {
  ctx.type = XLSX_TYPE;
  ctx.set('Content-Disposition', attachment(filename));
  ctx.set('Cache-Control', 'private, no-store');
}

defineRoute(
  adminExportsRouter,
  { method: 'get', path: '/figures', summary: '导出服务统计（Excel，每个维度一张表）', tags, access: 'admin', query: RangeQuery, fileResponse: [XLSX_TYPE] },
  async (ctx, { query }) => {
    const workbook = await figuresWorkbook(staffOf(ctx), query);
    await audit(ctx, 'figures', query);
    sendFile(ctx, `服务统计_${query.from}_${query.to}.xlsx`);
    ctx.body = Buffer.from(await workbook.xlsx.writeBuffer());
  },
);

defineRoute(
  adminExportsRouter,
  {
    method: 'get',
    path: '/cases',
    summary: '导出办件登记簿（Excel，流式；申请人按权限脱敏）',
    tags,
    access: 'admin',
    query: RegisterQuery,
    fileResponse: [XLSX_TYPE],
  },
  async (ctx, { query }) => {
    const staff = staffOf(ctx);
    const unmasked = query.unmasked === 'true';
    if (unmasked && staff.role !== 'center_admin') throw forbidden('只有中心管理员可以导出未脱敏的申请人姓名');
    if (unmasked && !query.purpose) throw badRequest('PURPOSE_REQUIRED', '导出未脱敏的申请人姓名须说明用途');
    const department = staff.role === 'center_admin' ? undefined : (staff.department ?? '');
    await audit(ctx, 'cases', { from: query.from, to: query.to, department: department ?? null, unmasked }, query.purpose ?? '');
    sendFile(ctx, `办件登记簿_${query.from}_${query.to}.xlsx`);
    const stream = new PassThrough();
    ctx.body = stream;
    writeRegister({ from: query.from, to: query.to, department, unmasked }, stream).catch((error: unknown) => {
      logger.error({ err: error, requestId: ctx.state.requestId }, 'case register export failed');
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  },
);

defineRoute(
  adminExportsRouter,
  { method: 'get', path: '/catalogue', summary: '导出事项清单（Excel，可修改后导入）', tags, access: 'admin', fileResponse: [XLSX_TYPE] },
  async (ctx) => {
    const staff = staffOf(ctx);
    const department = staff.role === 'center_admin' ? undefined : (staff.department ?? '');
    const workbook = await catalogueWorkbook(department);
    await audit(ctx, 'catalogue', { department: department ?? null });
    sendFile(ctx, '事项清单.xlsx');
    ctx.body = Buffer.from(await workbook.xlsx.writeBuffer());
  },
);
