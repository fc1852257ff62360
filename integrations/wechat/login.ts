// Mini-program login: exchanges the wx.login code for the user's openid (code2Session).
import { WechatUnavailableError } from './errors.ts';
import { callWechat } from './http.ts';
import { sandboxSession } from './sandbox.ts';

export interface Code2SessionOptions {
  apiBase: string;
  appId: string;
  secret: string;
  /** The code from wx.login; valid for 5 minutes and once only. */
  code: string;
  timeoutMs?: number;
  /** Answer sandbox codes locally instead of calling WeChat (see sandbox.ts). */
  sandbox?: boolean;
}

/** Who logged in. `sessionKey` is a secret: never log it, never send it to the client. */
export interface WechatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
}

/** Calls jscode2session; throws WechatApiError (40029, 40163, 45011, 40226, -1…) or WechatUnavailableError. */
export async function code2Session(options: Code2SessionOptions): Promise<WechatSession> {
  if (options.sandbox) return sandboxSession(options.code);
  const answer = await callWechat<Code2SessionAnswer>({
    apiBase: options.apiBase,
    path: '/sns/jscode2session',
    query: {
      appid: options.appId,
      secret: options.secret,
      js_code: options.code,
      grant_type: 'authorization_code',
    },
    timeoutMs: options.timeoutMs,
  });
  if (!answer.openid || !answer.session_key) {
    throw new WechatUnavailableError('/sns/jscode2session', 'answer has no openid or session_key');
  }
  const session: WechatSession = { openid: answer.openid, sessionKey: answer.session_key };
  if (answer.unionid) session.unionid = answer.unionid;
  return session;
}
