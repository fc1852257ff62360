// POST /wechat/pay/notify answers WeChat Pay, not a client: 204 with no body on success and
// {code: 'FAIL', message} otherwise (never the usual error envelope): errorForm 'wechatpay' makes
// the error handler answer so, also for refusals before the route (body too large, bad JSON).
import type Router from '@koa/router';
import { z } from 'zod';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { handlePayNotify } from '../../services/payments/notify.ts';

const signed = (what: string) => z.string().max(1024).optional().describe(`${what}；缺少或不符时答 401 FAIL`);
/** The headers WeChat Pay signs a notify with (checked over the raw body, not by the schema). */
const NotifyHeaders = z.object({
  'Wechatpay-Serial': signed('微信支付平台证书序列号或公钥 ID（PUB_KEY_ID_…）'),
  'Wechatpay-Signature': signed('签名（Base64）'),
  'Wechatpay-Timestamp': signed('时间戳（秒），与服务器时间相差不得超过 5 分钟'),
  'Wechatpay-Nonce': signed('随机串'),
  'Wechatpay-Signature-Type': z.string().max(64).optional().describe('签名算法，WECHATPAY2-SHA256-RSA2048'),
});

export function defineNotifyRoute(router: Router<AppState>): void {
  defineRoute(
    router,
    {
      method: 'post',
      path: '/wechat/pay/notify',
      summary: '微信支付回调（支付与退款结果通知）：验签（原始报文）、解密、核对后处理一次',
      tags: ['缴费'],
      access: 'public',
      status: 204,
      headers: NotifyHeaders,
      errors: { 400: 'FAIL', 401: 'FAIL（验签失败或时间戳过期）', 404: 'FAIL（订单不存在）', 503: 'FAIL' },
      errorForm: 'wechatpay',
    },
    async (ctx) => {
      // The exact bytes WeChat signed; re-serialising the parsed JSON would not verify.
      const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
      await handlePayNotify({ headers: ctx.headers, rawBody, now: ctx.state.now });
      ctx.status = 204;
    },
  );
}
