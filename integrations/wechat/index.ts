// The only code in OneTrip that talks to WeChat's server API (api.weixin.qq.com).
export { code2Session, type Code2SessionOptions, type WechatSession } from './login.ts';
export {
  getAccessToken,
  invalidateAccessToken,
  withAccessToken,
  wechatTokenModel,
  refreshLeaseId,
  TOKEN_RENEW_MARGIN_MS,
  type WechatAppOptions,
  type WechatTokenDocument,
} from './access-token.ts';
export { getPhoneNumber, type WechatPhoneNumber } from './phone.ts';
export { sendSubscribeMessage, type SubscribeMessage, type MiniprogramState } from './subscribe-message.ts';
export { WechatApiError, WechatUnavailableError, WechatErrcode, isRetryable, isTokenRejected } from './errors.ts';
export { DEFAULT_TIMEOUT_MS } from './http.ts';
