// What the fake WeChat Pay server answers, on its in-memory orders and refunds. Shapes and
// error codes follow the API v3 documentation for JSAPI orders and domestic refunds.
import { randomBytes, randomInt } from 'node:crypto';
import { toRfc3339China as chinaTime } from '../../integrations/wechatpay/client.ts';

export interface FakeOrder {
  outTradeNo: string;
  appId: string;
  description: string;
  amountFen: number;
  payerOpenid: string;
  notifyUrl: string;
  attach: string;
  timeExpire: string;
  prepayId: string;
  tradeState: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transactionId?: string;
  successTime?: string;
  refundedFen: number;
}

export interface FakeRefund {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  amountFen: number;
  totalFen: number;
  reason: string;
  notifyUrl: string;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  createTime: string;
  successTime?: string;
}

export interface FakeState {
  mchId: string;
  appId: string;
  orders: Map<string, FakeOrder>;
  refunds: Map<string, FakeRefund>;
}

export interface FakeAnswer {
  status: number;
  body?: object;
}

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const error = (status: number, code: string, message: string): FakeAnswer => ({ status, body: { code, message } });

/** Routes one authenticated request. */
export function route(state: FakeState, method: string, url: URL, body: any): FakeAnswer {
  const path = url.pathname;
  if (method === 'POST' && path === '/v3/pay/transactions/jsapi') return createOrder(state, body);
  const order = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
  if (order && method === 'GET' && !order[2]) return queryOrder(state, decodeURIComponent(order[1]!), url.searchParams.get('mchid'));
  if (order && method === 'POST' && order[2]) return closeOrder(state, decodeURIComponent(order[1]!), body);
  if (method === 'POST' && path === '/v3/refund/domestic/refunds') return createRefund(state, body);
  const refund = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
  if (refund && method === 'GET') return queryRefund(state, decodeURIComponent(refund[1]!));
  return error(404, 'NOT_FOUND', '接口不存在');
}

function createOrder(state: FakeState, body: any): FakeAnswer {
  if (body?.mchid !== state.mchId || body?.appid !== state.appId) return error(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  const amount = body.amount?.total;
  if (!OUT_TRADE_NO.test(body.out_trade_no ?? '')) return error(400, 'PARAM_ERROR', 'out_trade_no 格式错误');
  if (!Number.isInteger(amount) || amount <= 0 || body.amount?.currency !== 'CNY') return error(400, 'PARAM_ERROR', 'amount 错误');
  if (!body.payer?.openid || !body.description || !/^https?:\/\//.test(body.notify_url ?? '')) return error(400, 'PARAM_ERROR', '缺少参数');
  if (body.time_expire && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(body.time_expire)) return error(400, 'PARAM_ERROR', 'time_expire 格式错误');
  const existing = state.orders.get(body.out_trade_no);
  if (existing) {
    if (existing.tradeState === 'SUCCESS' || existing.tradeState === 'REFUND') return error(403, 'ORDERPAID', '该订单已支付');
    if (existing.tradeState === 'CLOSED') return error(400, 'ORDER_CLOSED', '订单已关闭');
    const same = existing.amountFen === amount && existing.payerOpenid === body.payer.openid && existing.description === body.description;
    if (!same) return error(400, 'INVALID_REQUEST', '201 商户订单号重复');
    return { status: 200, body: { prepay_id: existing.prepayId } };
  }
  const prepayId = `wx${randomBytes(15).toString('hex')}`;
  state.orders.set(body.out_trade_no, {
    outTradeNo: body.out_trade_no,
    appId: body.appid,
    description: body.description,
    amountFen: amount,
    payerOpenid: body.payer.openid,
    notifyUrl: body.notify_url,
    attach: body.attach ?? '',
    timeExpire: body.time_expire ?? '',
    prepayId,
    tradeState: 'NOTPAY',
    refundedFen: 0,
  });
  return { status: 200, body: { prepay_id: prepayId } };
}

/** The transaction as the query and the notify present it. */
export function presentTransaction(state: FakeState, order: FakeOrder, mchId = state.mchId) {
  const paid = order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND';
  return {
    appid: order.appId,
    mchid: mchId,
    out_trade_no: order.outTradeNo,
    ...(paid ? { transaction_id: order.transactionId, bank_type: 'OTHERS', success_time: order.successTime } : {}),
    trade_type: 'JSAPI',
    trade_state: order.tradeState,
    trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[order.tradeState],
    attach: order.attach,
    payer: { openid: order.payerOpenid },
    amount: { total: order.amountFen, ...(paid ? { payer_total: order.amountFen } : {}), currency: 'CNY', payer_currency: 'CNY' },
  };
}

function queryOrder(state: FakeState, outTradeNo: string, mchId: string | null): FakeAnswer {
  if (mchId !== state.mchId) return error(400, 'PARAM_ERROR', 'mchid 错误');
  const order = state.orders.get(outTradeNo);
  if (!order) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
  return { status: 200, body: presentTransaction(state, order) };
}

function closeOrder(state: FakeState, outTradeNo: string, body: any): FakeAnswer {
  if (body?.mchid !== state.mchId) return error(400, 'PARAM_ERROR', 'mchid 错误');
  const order = state.orders.get(outTradeNo);
  if (!order) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
  if (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND') return error(400, 'ORDERPAID', '订单已支付');
  order.tradeState = 'CLOSED';
  return { status: 204 };
}

function createRefund(state: FakeState, body: any): FakeAnswer {
  const refundFen = body?.amount?.refund;
  if (!OUT_TRADE_NO.test(body?.out_refund_no ?? '') || !Number.isInteger(refundFen) || refundFen <= 0) {
    return error(400, 'PARAM_ERROR', '参数错误');
  }
  const existing = state.refunds.get(body.out_refund_no);
  if (existing) return { status: 200, body: presentRefund(existing) };
  const order = state.orders.get(body.out_trade_no);
  if (!order) return error(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
  if (order.tradeState !== 'SUCCESS' && order.tradeState !== 'REFUND') return error(400, 'INVALID_REQUEST', '订单未支付');
  if (body.amount.total !== order.amountFen) return error(400, 'INVALID_REQUEST', '订单金额与原订单不一致');
  if (order.refundedFen + refundFen > order.amountFen) return error(403, 'NOT_ENOUGH', '退款金额超过订单可退金额');
  order.refundedFen += refundFen;
  order.tradeState = 'REFUND';
  const refund: FakeRefund = {
    refundId: `50${String(randomInt(1e9, 1e10 - 1))}${String(randomInt(1e9, 1e10 - 1))}`,
    outRefundNo: body.out_refund_no,
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId ?? '',
    amountFen: refundFen,
    totalFen: order.amountFen,
    reason: body.reason ?? '',
    notifyUrl: body.notify_url ?? '',
    status: 'PROCESSING',
    createTime: chinaTime(new Date()),
  };
  state.refunds.set(refund.outRefundNo, refund);
  return { status: 200, body: presentRefund(refund) };
}

function queryRefund(state: FakeState, outRefundNo: string): FakeAnswer {
  const refund = state.refunds.get(outRefundNo);
  if (!refund) return error(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
  return { status: 200, body: presentRefund(refund) };
}

/** The refund as the refund API presents it. */
export function presentRefund(refund: FakeRefund) {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successTime ? { success_time: refund.successTime } : {}),
    create_time: refund.createTime,
    status: refund.status,
    amount: { total: refund.totalFen, refund: refund.amountFen, payer_total: refund.totalFen, payer_refund: refund.amountFen, currency: 'CNY' },
  };
}
