// POST /api/v1/admin/imports/catalogue: the catalogue workbook in (multipart, field `file`);
// `?dryRun=true` reports what is wrong and what would change without writing anything.
import Router from '@koa/router';
import { z } from 'zod';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { validationFailed } from '../../server/errors.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { importCatalogue } from '../../services/figures/catalogue-import.ts';
import { singleFileUpload, uploadedFile } from '../applications/upload.ts';

export const adminImportsRouter = new Router<AppState>({ prefix: '/api/v1/admin/imports' });

const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });
const ImportBody = z
  .strictObject({
    /** The file part; documented here, read by multer. */
    file: z.any().optional().openapi({ type: 'string', format: 'binary' }),
  })
  .meta({ example: { file: '(事项清单.xlsx，与导出的格式相同)' } });

const Problem = z.object({ sheet: z.string(), row: z.number().int(), code: z.string(), field: z.string(), message: z.string() });
const ImportOut = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  items: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(Problem),
  changes: z.array(
    z.object({
      code: z.string(),
      action: z.enum(['create', 'update']),
      changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});

defineRoute(
  adminImportsRouter,
  {
    method: 'post',
    path: '/catalogue',
    summary: '导入事项清单（Excel；dryRun=true 只检查并列出将要的修改）',
    tags: ['管理：导出与导入'],
    access: 'admin',
    query: ImportQuery,
    body: ImportBody,
    requestContentType: 'multipart/form-data',
    before: [singleFileUpload],
    response: ImportOut,
    errors: { 400: 'VALIDATION_FAILED, WORKBOOK_INVALID, IMPORT_INVALID（details.problems 按行列出）', 409: 'CODE_TAKEN', 413: 'PAYLOAD_TOO_LARGE' },
  },
  async (ctx, { query }) => {
    const file = uploadedFile(ctx);
    if (!file) throw validationFailed({ 'body.file': '请选择要导入的 Excel 文件' });
    ctx.body = await importCatalogue(file.buffer, {
      actor: staffOf(ctx),
      dryRun: query.dryRun === 'true',
      catalogue: ctx.state.caches.catalogue,
      requestId: ctx.state.requestId,
    });
  },
);
