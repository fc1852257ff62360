// The single place errors become answers: AppError as is, known library errors mapped to
// their 4xx, everything else logged with the request id and answered as a generic 500.
import type { Middleware } from 'koa';
import mongoose from 'mongoose';
import { AppError, payloadTooLarge, unavailable, validationFailed } from '../errors.ts';

export function errorHandler(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new AppError(404, 'NOT_FOUND', '请求的地址不存在');
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
      ctx.body = {
        error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      };
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
  if (typeof anyError?.status === 'number' && anyError.status >= 400 && anyError.status < 500) {
    return new AppError(anyError.status, 'BAD_REQUEST', '请求有误');
  }
  if (error instanceof mongoose.Error.ValidationError) {
    const fields = Object.fromEntries(Object.entries(error.errors).map(([path, e]) => [path, e.message]));
    return validationFailed(fields);
  }
  if (error instanceof mongoose.Error.CastError) return validationFailed({ [error.path]: '格式不正确' });
  if (anyError?.code === 11000) return new AppError(409, 'DUPLICATE', '记录已存在');
  if (isConnectionError(error)) return unavailable();
  return new AppError(500, 'INTERNAL', '服务器内部错误，请稍后再试');
}

function isConnectionError(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? '';
  if (name === 'MongooseError' && /buffering timed out|before initial connection/.test(message)) return true;
  return /MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError|MongoNetworkTimeoutError|MongoPoolClearedError|MongoTopologyClosedError/.test(
    name,
  );
}
