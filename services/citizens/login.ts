// Citizen login with wx.login codes: jscode2session at WeChat, then find or create the citizen
// by openid. The session_key stays on the server (it is not even stored: OneTrip decrypts
// nothing with it; phone numbers come from getuserphonenumber instead).
import { code2Session } from '../../integrations/wechat/index.ts';
import { CitizenModel } from '../../models/citizen.ts';

import { toWechatAppError } from './wechat-errors.ts';
import { wechatOptions } from './wechat-options.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

export async function loginCitizen(code: string): Promise<{ id: string; verified: boolean }> {
  const session = await code2Session({ ...wechatOptions(), code }).catch((error) => {
    throw toWechatAppError(error);
  });
  const existing = await CitizenModel.findOne({ openid: session.openid }).lean();
  if (existing) return { id: String(existing._id), verified: existing.verified };
  try {
    const created = await CitizenModel.create({ openid: session.openid, unionid: session.unionid ?? null });
    return { id: String(created._id), verified: false };
  } catch (error) {
    // Two first logins at once: the unique openid lets one insert win; read the winner.
    if (!isDuplicateKey(error)) throw error;
    const winner = await CitizenModel.findOne({ openid: session.openid }).lean();
    return { id: String(winner!._id), verified: winner!.verified };
  }
}
