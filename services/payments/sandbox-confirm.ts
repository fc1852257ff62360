// "The citizen paid", for the sandbox (WECHAT_SANDBOX without a merchant): the sandbox's WeChat
// Pay marks the order SUCCESS and hands over the notify it signed and encrypted, which goes
// through handlePayNotify exactly as WeChat Pay's POST to /wechat/pay/notify would (signature,
// decryption, merchant and amount checks, the guarded settle). Confirming again delivers the
// notify again, as WeChat Pay repeats notifies; nothing is settled twice.
import { PaymentOrderModel, findOpenOrder, type PaymentOrder } from '../../models/payment-order.ts';
import { config, paymentsSandboxed } from '../../server/config.ts';
import { AppError, conflict } from '../../server/errors.ts';
import { payClient, sandboxPay } from './client.ts';
import { toPaymentError } from './errors.ts';
import { handlePayNotify } from './notify.ts';
import { jsapiOrderOf, ownedApplication } from './orders.ts';

/** Pays the application's open order in the sandbox (or re-notifies its paid one); 404 outside the sandbox. */
export async function confirmSandboxPayment(input: { applicationId: string; citizenId: string; now?: Date }): Promise<PaymentOrder> {
  // Outside the sandbox the route does not exist, as far as anyone can tell.
  if (!paymentsSandboxed(config)) throw new AppError(404, 'NOT_FOUND', '请求的地址不存在');
  const now = input.now ?? new Date();
  const application = await ownedApplication(input.applicationId, input.citizenId);
  const order = (await findOpenOrder(application._id).lean()) ?? (await PaymentOrderModel.findOne({ applicationId: application._id, status: 'paid' }).lean());
  if (!order) throw conflict('NO_OPEN_ORDER', '没有待支付的订单，请先下单');
  if (order.status === 'open' && order.timeExpire <= now) throw conflict('ORDER_EXPIRED', '订单已过期，请重新下单');
  const sandbox = sandboxPay();
  if (!sandbox.knows(order.outTradeNo)) await orderAgain(order);
  const notify = sandbox.pay(order.outTradeNo, now);
  await handlePayNotify({ headers: notify.headers, rawBody: notify.body, now });
  return (await PaymentOrderModel.findById(order._id).lean()) ?? order;
}

/** The sandbox forgets its orders when the server restarts: tell it about this one again. */
async function orderAgain(order: PaymentOrder): Promise<void> {
  try {
    await payClient().createJsapiOrder(jsapiOrderOf(order));
  } catch (error) {
    throw toPaymentError(error, 'createJsapiOrder');
  }
}
