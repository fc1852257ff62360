// Subscribe messages (订阅消息): the reminders a citizen agreed to receive for a template.
import { withAccessToken, type WechatAppOptions } from './access-token.ts';
import { callWechat } from './http.ts';

/** Which mini-program build the message's page opens: 开发版, 体验版 or 正式版. */
export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface SubscribeMessage {
  /** The recipient's openid. */
  toUser: string;
  templateId: string;
  /** The mini-program page the message opens, e.g. `pages/appointment/detail?id=…`. */
  page?: string;
  /** Template keywords, e.g. `{ thing1: { value: '不动产登记' }, time2: { value: '2026-11-23 09:30' } }`. */
  data: Record<string, { value: string }>;
  miniprogramState?: MiniprogramState;
}

/**
 * Sends one subscribe message. Throws WechatApiError: 43101 (not subscribed / refused) and
 * 47003 (bad data) are permanent; -1 and WechatUnavailableError are retryable — see isRetryable.
 */
export async function sendSubscribeMessage(options: WechatAppOptions & SubscribeMessage): Promise<void> {
  if (options.sandbox) {
    options.sandboxLog?.('sandbox: subscription message not sent', {
      toUser: options.toUser,
      templateId: options.templateId,
      page: options.page,
      data: options.data,
    });
    return;
  }
  const body: Record<string, unknown> = {
    touser: options.toUser,
    template_id: options.templateId,
    data: options.data,
    lang: 'zh_CN',
  };
  if (options.page !== undefined) body.page = options.page;
  if (options.miniprogramState !== undefined) body.miniprogram_state = options.miniprogramState;
  await withAccessToken(options, (accessToken) =>
    callWechat({
      apiBase: options.apiBase,
      path: '/cgi-bin/message/subscribe/send',
      query: { access_token: accessToken },
      body,
      timeoutMs: options.timeoutMs,
    }),
  );
}
