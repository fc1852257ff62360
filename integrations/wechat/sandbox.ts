// The sandbox: with WECHAT_SANDBOX=true (development only; production refuses it) OneTrip plays
// WeChat itself, so a local install can be tried end to end without an AppID. The codes are
// the ones a developer types into the mini-program simulator or curl:
//   wx.login code  `sandbox-<name>`             → openid `sandbox-<name>`
//   phone code     `sandbox-phone-<11 digits>`  → that mainland number
// Any other code is refused as WeChat refuses a bad one (40029), and subscription messages are
// logged instead of sent. No request leaves the machine.
import { WechatApiError, WechatErrcode } from './errors.ts';
import type { WechatSession } from './login.ts';
import type { WechatPhoneNumber } from './phone.ts';

const LOGIN_CODE = /^sandbox-([A-Za-z0-9_-]{1,40})$/;
const PHONE_CODE = /^sandbox-phone-(1\d{10})$/;

/** The session of a sandbox login code, or WeChat's 40029 for any other code. */
export function sandboxSession(code: string): WechatSession {
  const name = LOGIN_CODE.exec(code)?.[1];
  if (!name) throw new WechatApiError('/sns/jscode2session', WechatErrcode.INVALID_CODE, 'invalid code (sandbox: use sandbox-<name>)');
  return { openid: `sandbox-${name}`, sessionKey: 'sandbox-session-key' };
}

/** The number behind a sandbox phone code, or WeChat's 40029 for any other code. */
export function sandboxPhone(code: string): WechatPhoneNumber {
  const number = PHONE_CODE.exec(code)?.[1];
  if (!number)
    throw new WechatApiError('/wxa/business/getuserphonenumber', WechatErrcode.INVALID_CODE, 'invalid code (sandbox: use sandbox-phone-<11 digits>)');
  return { phoneNumber: number, purePhoneNumber: number, countryCode: '86' };
}
