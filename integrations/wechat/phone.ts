// The phone number a citizen shares through the mini-program's getPhoneNumber button.
import { withAccessToken, type WechatAppOptions } from './access-token.ts';
import { WechatUnavailableError } from './errors.ts';
import { callWechat } from './http.ts';
import { sandboxPhone } from './sandbox.ts';

export interface WechatPhoneNumber {
  /** With the country code for numbers outside mainland China, e.g. `+1 2025550123`. */
  phoneNumber: string;
  /** Without country code, e.g. `13800138000`. */
  purePhoneNumber: string;
  /** e.g. `86` */
  countryCode: string;
}

interface PhoneAnswer {
  phone_info?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string | number };
}

/** Exchanges the button's code (single use, 5 minutes) for the user's phone number. */
export async function getPhoneNumber(options: WechatAppOptions & { code: string }): Promise<WechatPhoneNumber> {
  if (options.sandbox) return sandboxPhone(options.code);
  const path = '/wxa/business/getuserphonenumber';
  const answer = await withAccessToken(options, (accessToken) =>
    callWechat<PhoneAnswer>({
      apiBase: options.apiBase,
      path,
      query: { access_token: accessToken },
      body: { code: options.code },
      timeoutMs: options.timeoutMs,
    }),
  );
  const info = answer.phone_info;
  if (!info?.phoneNumber || !info.purePhoneNumber || info.countryCode === undefined) {
    throw new WechatUnavailableError(path, 'answer has no phone_info');
  }
  return { phoneNumber: info.phoneNumber, purePhoneNumber: info.purePhoneNumber, countryCode: String(info.countryCode) };
}
