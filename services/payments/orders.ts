// Orders for an application's fee. At most one order is open per application: the partial
// unique index on open orders makes a second insert a duplicate key, and the loser offers the
// winner's order. The order is stored before WeChat Pay is asked, so a notify that overtakes
// the order request still finds it. Only an open case takes a fee (FEE_PAYABLE_STATUSES); one
// that closes while its order is open still gets the payment settled: application-fee.ts flags
// it for refund.
import mongoose from 'mongoose';
import { newOutTradeNo, type RequestPaymentParams } from '../../integrations/wechatpay/index.ts';
import { ApplicationModel } from '../../models/application.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { PaymentOrderModel, findOpenOrder, type PaymentOrder } from '../../models/payment-order.ts';
import { PaymentRefundModel, type PaymentRefund } from '../../models/payment-refund.ts';
import { conflict, invalidState, notFound } from '../../server/errors.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { FEE_PAYABLE_STATUSES } from '../applications/fee.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { payClient } from './client.ts';
import { isRefusal, toPaymentError } from './errors.ts';
import { closeLocally, reconcileOrder } from './settle.ts';

/** How long a citizen has to pay an order (WeChat's time_expire). */
export const ORDER_EXPIRE_MINUTES = 30;
/** An open order closer than this to its expiry is replaced rather than offered. */
const REOFFER_MARGIN_MS = 2 * 60_000;
/** Rounds of "find the open order or insert one" before answering PAYMENT_BUSY. */
const ORDER_ATTEMPTS = 3;

const alreadyPaid = () => conflict('ALREADY_PAID', '该事项费用已缴纳');

export interface OrderOffer {
  order: PaymentOrder;
  params: RequestPaymentParams;
}

/** Creates, or returns the open, order for the application's fee, with wx.requestPayment params. */
export async function orderPayment(input: { applicationId: string; citizenId: string; now?: Date }, catalogue: CatalogueSnapshot): Promise<OrderOffer> {
  const now = input.now ?? new Date();
  const client = payClient();
  const application = await ownedApplication(input.applicationId, input.citizenId);
  if (application.paid) throw alreadyPaid();
  if (application.fee?.status === 'waived') throw conflict('FEE_WAIVED', '该事项费用已减免');
  const fee = await feeOf(application.itemCode, catalogue);
  if (!FEE_PAYABLE_STATUSES.includes(application.status)) throw invalidState(application.status, '缴费');
  for (let attempt = 0; attempt < ORDER_ATTEMPTS; attempt++) {
    const order = await openOrder({ ...application, ...fee, citizenId: input.citizenId }, now);
    if (!order) continue;
    const offered = await ensurePrepaid(order, now);
    return { order: offered, params: client.buildRequestPaymentParams(offered.prepayId!, now) };
  }
  throw conflict('PAYMENT_BUSY', '支付订单正在创建，请稍后再试');
}

/** The citizen's own application, or 404 (for anyone else's too). */
export async function ownedApplication(applicationId: string, citizenId: string) {
  if (!mongoose.isValidObjectId(applicationId)) throw notFound('申请');
  const application = await ApplicationModel.findById(applicationId).lean();
  if (!application || String(application.citizenId) !== citizenId) throw notFound('申请');
  return application;
}

/** The fee of an item now, in fen, from the catalogue; 409 NO_FEE when nothing is charged. */
async function feeOf(itemCode: string, catalogue: CatalogueSnapshot): Promise<{ amountFen: number; description: string }> {
  const guide = catalogue.byCode.get(itemCode);
  const amountFen = guide?.fee.charged ? guide.fee.items.reduce((sum, item) => sum + item.amountFen, 0) : 0;
  if (!guide || amountFen <= 0) throw conflict('NO_FEE', '该事项不收费');
  return { amountFen, description: `${guide.name}-${guide.fee.items.map((i) => i.name).join('、')}`.slice(0, 120) };
}

interface OrderInput {
  _id: mongoose.Types.ObjectId;
  itemCode: string;
  citizenId: string;
  amountFen: number;
  description: string;
}

/** The order this application offers now, or null when it changed under us (retry). */
async function openOrder(application: OrderInput, now: Date): Promise<PaymentOrder | null> {
  const open = await findOpenOrder(application._id).lean();
  if (open && open.timeExpire.getTime() > now.getTime() + REOFFER_MARGIN_MS) return open;
  if (open) {
    // About to expire: make sure it was not paid, and close it before offering a new one.
    const outcome = await reconcileOrder(open, now, true).catch((error) => {
      throw toPaymentError(error, 'reconcile');
    });
    if (outcome === 'settled') throw alreadyPaid();
    if (outcome === 'pending') throw conflict('PAYMENT_PENDING', '上一笔支付正在处理中，请稍后再试');
    return null;
  }
  if (await PaymentOrderModel.exists({ applicationId: application._id, status: 'paid' })) throw alreadyPaid();
  const openid = (await CitizenModel.findById(application.citizenId).lean())?.openid;
  if (!openid) throw notFound('用户');
  try {
    const order = await PaymentOrderModel.create({
      outTradeNo: newOutTradeNo('OT', now),
      applicationId: application._id,
      citizenId: application.citizenId,
      itemCode: application.itemCode,
      description: application.description,
      amountFen: application.amountFen,
      payerOpenid: openid,
      timeExpire: new Date(now.getTime() + ORDER_EXPIRE_MINUTES * 60_000),
    });
    return order.toObject();
  } catch (error) {
    // Another request opened an order for the application first: offer that one.
    if (isDuplicateKey(error)) return null;
    throw error;
  }
}

/** What WeChat Pay is asked to create for a stored order (the same every time: the request is idempotent). */
export const jsapiOrderOf = (order: PaymentOrder) => ({
  outTradeNo: order.outTradeNo,
  description: order.description,
  amountFen: order.amountFen,
  payerOpenid: order.payerOpenid,
  timeExpire: order.timeExpire,
  attach: String(order.applicationId),
});

/** Asks WeChat Pay for the prepay id unless the order has one (the request is idempotent). */
async function ensurePrepaid(order: PaymentOrder, now: Date): Promise<PaymentOrder> {
  if (order.prepayId) return order;
  try {
    const { prepayId } = await payClient().createJsapiOrder(jsapiOrderOf(order));
    await PaymentOrderModel.updateOne({ _id: order._id, prepayId: null }, { $set: { prepayId } });
  } catch (error) {
    if (isRefusal(error)) await closeLocally(order, now, 'failed');
    throw toPaymentError(error, 'createJsapiOrder');
  }
  // Re-read: a notify may have settled the order while we waited.
  return (await PaymentOrderModel.findById(order._id).lean())!;
}

export interface PaymentView {
  order: PaymentOrder;
  refunds: PaymentRefund[];
}

/** The application's orders (newest first) with their refunds, for its owner. */
export async function listApplicationPayments(applicationId: string, citizenId: string): Promise<PaymentView[]> {
  await ownedApplication(applicationId, citizenId);
  const orders = await PaymentOrderModel.find({ applicationId, status: { $ne: 'failed' } })
    .sort({ createdAt: -1 })
    .limit(50)
    .lean();
  const refunds = await PaymentRefundModel.find({ orderId: { $in: orders.map((o) => o._id) } })
    .sort({ createdAt: 1 })
    .limit(200)
    .lean();
  return orders.map((order) => ({ order, refunds: refunds.filter((r) => String(r.orderId) === String(order._id)) }));
}
