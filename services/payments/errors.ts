// WeChat Pay failures as answers: the citizen or admin sees a Chinese message and a stable
// code; WeChat's own code and message go to the log only.
import { WechatPayDecryptError, WechatPayError, WechatPaySignatureError, WechatPayUnavailableError } from '../../integrations/wechatpay/index.ts';
import { AppError } from '../../server/errors.ts';
import { logger } from '../../server/logger.ts';

/** Maps an error thrown by the WeChat Pay client to an AppError (others pass through). */
export function toPaymentError(error: unknown, action: string): unknown {
  if (error instanceof WechatPayUnavailableError) {
    logger.warn({ err: error, action }, 'WeChat Pay unreachable');
    return new AppError(503, 'PAYMENT_UNAVAILABLE', '微信支付暂时无法连接，请稍后再试');
  }
  if (error instanceof WechatPayError || error instanceof WechatPaySignatureError || error instanceof WechatPayDecryptError) {
    logger.error({ err: error, action }, 'WeChat Pay request failed');
    return new AppError(502, 'PAYMENT_FAILED', '微信支付处理失败，请稍后再试');
  }
  return error;
}

/** True when WeChat Pay refused the request itself (4xx): retrying the same request will not help. */
export function isRefusal(error: unknown): boolean {
  return error instanceof WechatPayError && error.status >= 400 && error.status < 500;
}
