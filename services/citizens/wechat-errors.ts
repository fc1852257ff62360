// WeChat's answers as the API's errors: bad codes are the caller's 400, a blocked user 403,
// WeChat being busy or unreachable 503. Never a 500 for something WeChat said.
import { WechatApiError, WechatErrcode, WechatUnavailableError } from '../../integrations/wechat/index.ts';
import { AppError, badRequest, forbidden, unavailable } from '../../server/errors.ts';

export function toWechatAppError(error: unknown): unknown {
  if (error instanceof WechatUnavailableError) return unavailable('微信服务暂时不可用，请稍后再试');
  if (!(error instanceof WechatApiError)) return error;
  switch (error.errcode) {
    case WechatErrcode.INVALID_CODE:
    case WechatErrcode.CODE_BEEN_USED:
      return badRequest('WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重新进入小程序', { errcode: error.errcode });
    case WechatErrcode.HIGH_RISK_USER:
      return forbidden('该微信账号存在风险，暂无法登录');
    case WechatErrcode.RATE_LIMITED:
    case WechatErrcode.SYSTEM_BUSY:
      return unavailable('微信服务繁忙，请稍后再试');
    default:
      return new AppError(502, 'WECHAT_ERROR', '微信服务返回错误，请稍后再试', { errcode: error.errcode });
  }
}
