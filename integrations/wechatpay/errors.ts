// Typed failures of the WeChat Pay integration. They are plain errors, not AppErrors: the
// caller (a route or a job) decides what a citizen sees and whether to retry.

/** WeChat Pay answered a non-2xx status; `code` is WeChat's own (SIGN_ERROR, ORDERPAID …). */
export class WechatPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'WechatPayError';
  }
}

/** WeChat Pay could not be reached (network failure, timeout): safe to retry later. */
export class WechatPayUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WechatPayUnavailableError';
  }
}

export type SignatureFailure = 'SIGNATURE_INVALID' | 'TIMESTAMP_EXPIRED';

/** A notify or a response whose WeChat Pay signature cannot be trusted. */
export class WechatPaySignatureError extends Error {
  constructor(
    readonly code: SignatureFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WechatPaySignatureError';
  }
}

/** The encrypted resource of a notify could not be decrypted (wrong APIv3 key or tampered). */
export class WechatPayDecryptError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WechatPayDecryptError';
  }
}
