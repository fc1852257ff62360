// Errors raised by the WeChat server API client. WeChat answers failures with HTTP 200 and
// `{errcode, errmsg}`; those become WechatApiError. Anything that kept us from getting an
// answer at all (network, timeout, non-JSON, HTTP 5xx) becomes WechatUnavailableError.

/** The error codes OneTrip reacts to; WeChat has many more, all surfaced as WechatApiError. */
export const WechatErrcode = {
  SYSTEM_BUSY: -1,
  INVALID_CREDENTIAL: 40001, // access_token invalid or superseded
  INVALID_APPID: 40013,
  INVALID_CODE: 40029,
  INVALID_APPSECRET: 40125,
  CODE_BEEN_USED: 40163,
  HIGH_RISK_USER: 40226, // 高风险等级用户, login blocked by WeChat
  ACCESS_TOKEN_EXPIRED: 42001,
  USER_REFUSED_MESSAGE: 43101, // not subscribed to the template, or refused
  RATE_LIMITED: 45011,
  INVALID_ARGUMENT: 47003,
} as const;

/** WeChat answered with a non-zero errcode. `errmsg` is WeChat's own text (English, with a rid). */
export class WechatApiError extends Error {
  readonly errcode: number;
  readonly errmsg: string;
  /** The API path that answered, without query string (which may hold secrets). */
  readonly path: string;

  constructor(path: string, errcode: number, errmsg: string) {
    super(`WeChat ${path} answered errcode ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
    this.path = path;
    this.errcode = errcode;
    this.errmsg = errmsg;
  }
}

/** WeChat could not be reached or gave no usable answer (timeout, network, HTTP error, bad JSON). */
export class WechatUnavailableError extends Error {
  readonly path: string;

  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`WeChat ${path} unavailable: ${reason}`, options);
    this.name = 'WechatUnavailableError';
    this.path = path;
  }
}

// Codes after which the same request may succeed later; everything else is permanent
// (a bad code, a refused subscription, a template mismatch will not fix themselves).
const RETRYABLE_ERRCODES: ReadonlySet<number> = new Set([
  WechatErrcode.SYSTEM_BUSY,
  WechatErrcode.RATE_LIMITED,
  WechatErrcode.INVALID_CREDENTIAL,
  WechatErrcode.ACCESS_TOKEN_EXPIRED,
]);

/** True when retrying the same call later may succeed (busy, rate limited, unreachable). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof WechatUnavailableError) return true;
  if (error instanceof WechatApiError) return RETRYABLE_ERRCODES.has(error.errcode);
  return false;
}

/** True for the errcodes that mean "the access_token you sent is no good any more". */
export function isTokenRejected(error: unknown): boolean {
  return error instanceof WechatApiError && (error.errcode === WechatErrcode.INVALID_CREDENTIAL || error.errcode === WechatErrcode.ACCESS_TOKEN_EXPIRED);
}
