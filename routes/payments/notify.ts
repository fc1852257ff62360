// POST /wechat/pay/notify answers WeChat Pay, not a client: 204 with no body on success and
// {code: 'FAIL', message} otherwise (never the usual error envelope), so it catches its own errors.
import type Router from '@koa/router';
import { logger } from '../../server/logger.ts';
import { defineRoute } from '../../server/route.ts';
import { toAppError } from '../../server/middleware/error-handler.ts';
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
    },
    async (ctx) => {
      // The exact bytes WeChat signed; re-serialising the parsed JSON would not verify.
      const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
      try {
        await handlePayNotify({ headers: ctx.headers, rawBody });
        ctx.status = 204;
      } catch (caught) {
        const error = toAppError(caught);
        if (error.status >= 500) (ctx.state.log ?? logger).error({ err: caught }, 'WeChat Pay notify failed');
        ctx.status = error.status;
        ctx.body = { code: 'FAIL', message: error.message };
      }
    },
  );
}
