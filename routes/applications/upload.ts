// Multipart parsing of one material file, in memory and bounded by UPLOAD_MAX_BYTES, with
// multer's and busboy's errors turned into answers (413 for an oversize file, 400 otherwise).
import multer from '@koa/multer';
import type { Middleware } from 'koa';
import { config } from '../../server/config.ts';
import { AppError, badRequest, payloadTooLarge } from '../../server/errors.ts';
import type { AppState } from '../../server/state.ts';

/** Reads the `file` part into ctx.file and the other fields into ctx.request.body. */
export const singleFileUpload: Middleware<AppState> = async (ctx, next) => {
  // Built per request so that the configured limit is the current one.
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 4096, parts: 6 },
  }).single('file');
  try {
    await parse(ctx as never, async () => {});
  } catch (error) {
    throw uploadError(error);
  }
  await next();
};

function uploadError(error: unknown): AppError {
  const code = (error as { code?: string; name?: string })?.code;
  if (code === 'LIMIT_FILE_SIZE') {
    return payloadTooLarge(`文件不能超过 ${Math.floor(config.UPLOAD_MAX_BYTES / 1024 / 1024) || 1}MB`);
  }
  if ((error as { name?: string })?.name === 'MulterError') {
    return badRequest('UPLOAD_INVALID', '每次只能上传一个文件（字段名 file）', { reason: code });
  }
  return new AppError(400, 'MALFORMED_BODY', '上传内容格式不正确');
}

/** The uploaded file, if any. */
export function uploadedFile(ctx: { file?: unknown }): { buffer: Buffer; originalname: string } | undefined {
  const file = ctx.file as { buffer?: Buffer; originalname?: string } | undefined;
  return file?.buffer ? { buffer: file.buffer, originalname: file.originalname ?? 'material' } : undefined;
}
