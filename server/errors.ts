// One error type for everything the API answers on purpose. `code` is stable (clients switch
// on it), `message` is Chinese and fit to show a citizen, `details` says which fields or items.

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

/** 400 VALIDATION_FAILED with the offending fields. */
export const validationFailed = (fields: Record<string, unknown>, message = '请求参数有误') => new AppError(400, 'VALIDATION_FAILED', message, { fields });

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) => new AppError(400, code, message, details);

export const unauthenticated = (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message);

export const forbidden = (message = '无权进行此操作') => new AppError(403, 'FORBIDDEN', message);

/** 404 NOT_FOUND; `what` names the kind of record in Chinese (事项, 预约 …). */
export const notFound = (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在`);

export const conflict = (code: string, message: string, details?: Record<string, unknown>) => new AppError(409, code, message, details);

/** 409 INVALID_STATE: the record is not in a state that allows this action. */
export const invalidState = (current: string, action: string) => new AppError(409, 'INVALID_STATE', `当前状态不允许${action}`, { status: current });

export const payloadTooLarge = (message = '提交内容过大') => new AppError(413, 'PAYLOAD_TOO_LARGE', message);

export const unsupportedMediaType = (message = '不支持的内容类型') => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', message);

export const tooManyRequests = (retryAfterSeconds: number) => new AppError(429, 'RATE_LIMITED', '操作过于频繁，请稍后再试', { retryAfterSeconds });

export const unavailable = (message = '服务暂时不可用，请稍后再试') => new AppError(503, 'UNAVAILABLE', message);
