// The single place errors become answers: AppError as is, known library errors mapped to
// their 4xx, everything else logged with the request id and answered as a generic 500. A route
// may ask for another form (WeChat Pay's callbacks); that holds for refusals before routing too.
import type { Middleware } from 'koa';
import mongoose from 'mongoose';
import { errorFormFor } from '../route.ts';
import { AppError, payloadTooLarge, unavailable, unsupportedMediaType, validationFailed } from '../errors.ts';
import { isDuplicateKey } from '../mongo-errors.ts';
import { errorBodyOf } from '../openapi.ts';

export function errorHandler(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new AppError(404, 'NOT_FOUND', '请求的地址不存在');
      }
      // The router's allowedMethods() answers a known path with another method 405, and a
      // method it does not implement at all (PROPFIND …) 501, both as bare status text; the
      // latter is the client's mistake too, so both become 405 (its Allow header is kept).
      if ((ctx.status === 405 || ctx.status === 501) && ctx.body === undefined) {
        throw new AppError(405, 'METHOD_NOT_ALLOWED', '不支持该请求方法');
      }
    } catch (caught) {
      const error = toAppError(caught);
      if (error.status >= 500) {
        ctx.state.log?.error({ err: caught, code: error.code }, 'request failed');
      }
      ctx.status = error.status;
      if (error.status === 429 && typeof error.details?.retryAfterSeconds === 'number') {
        ctx.set('Retry-After', String(error.details.retryAfterSeconds));
      }
      ctx.body = errorBodyOf(errorFormFor(ctx.path), error.status, error.code, error.message, error.details);
    }
  };
}

/** Maps anything thrown to an AppError; unknown errors become a 500 without internals. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const anyError = error as { status?: number; type?: string; code?: unknown; name?: string };
  if (anyError?.type === 'entity.too.large' || anyError?.status === 413 || anyError?.code === 'LIMIT_FILE_SIZE') {
    return payloadTooLarge();
  }
  if (error instanceof SyntaxError || anyError?.type === 'entity.parse.failed' || anyError?.type === 'encoding.unsupported') {
    return new AppError(400, 'MALFORMED_BODY', '请求体不是有效的 JSON');
  }
  // A body whose Content-Encoding (gzip, deflate, br) does not match its bytes fails in zlib,
  // which names its errors Z_DATA_ERROR, ERR__ERROR_FORMAT_PADDING_2 … and gives no status.
  if (isDecompressionError(error)) return new AppError(400, 'MALFORMED_BODY', '请求体无法按所声明的编码解压');
  if (anyError?.status === 415) return unsupportedMediaType('不支持的内容编码');
  if (typeof anyError?.status === 'number' && anyError.status >= 400 && anyError.status < 500) {
    return new AppError(anyError.status, 'BAD_REQUEST', '请求有误');
  }
  if (error instanceof mongoose.Error.ValidationError) {
    const fields = Object.fromEntries(Object.entries(error.errors).map(([path, e]) => [path, chineseMongooseMessage(e)]));
    return validationFailed(fields);
  }
  if (error instanceof mongoose.Error.CastError) return validationFailed({ [error.path]: '格式不正确' });
  if (isDuplicateKey(error)) return new AppError(409, 'DUPLICATE', '记录已存在');
  if (isConnectionError(error)) return unavailable();
  return new AppError(500, 'INTERNAL', '服务器内部错误，请稍后再试');
}

const MONGOOSE_KINDS: Record<string, string> = {
  required: '必填',
  enum: '不是允许的取值',
  maxlength: '过长',
  minlength: '过短',
  max: '过大',
  min: '过小',
  regexp: '格式不正确',
};

/** A model's own message when it is Chinese; mongoose's English ones ("Path `x` is required.") never reach a client. */
function chineseMongooseMessage(error: { message: string; kind?: string }): string {
  if (/[\u4e00-\u9fff]/.test(error.message)) return error.message;
  return MONGOOSE_KINDS[error.kind ?? ''] ?? '格式不正确';
}

function isDecompressionError(error: unknown): boolean {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  return typeof errno === 'number' && typeof code === 'string' && /^(Z_|ERR__ERROR_|ERR_BROTLI_)/.test(code);
}

function isConnectionError(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? '';
  if (name === 'MongooseError' && /buffering timed out|before initial connection/.test(message)) return true;
  return /MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError|MongoNetworkTimeoutError|MongoPoolClearedError|MongoTopologyClosedError/.test(
    name,
  );
}
