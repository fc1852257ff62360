// POST /wechat/pay/notify answers WeChat Pay, not a client: 204 with no body on success and
// {code: 'FAIL', message} otherwise (never the usual error envelope): errorForm 'wechatpay' makes
// the error handler answer so, also for refusals before the route (body too large, bad JSON).
import type Router from '@koa/router';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { handlePayNotify } from '../../services/payments/notify.ts';

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
