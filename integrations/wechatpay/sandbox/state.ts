// WeChat Pay as a state machine in memory: JSAPI orders and domestic refunds, answered as API v3
// answers them (shapes and error codes from its documentation). The sandbox (index.ts) routes
// the client's requests here in-process; the tests' fake server routes HTTP requests here.
import { randomBytes, randomInt } from 'node:crypto';
import { toRfc3339China as chinaTime } from '../client.ts';

export interface SandboxOrder {
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

export interface SandboxRefund {
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

export interface SandboxState {
  mchId: string;
  appId: string;
  orders: Map<string, SandboxOrder>;
  refunds: Map<string, SandboxRefund>;
}

export interface SandboxAnswer {
  status: number;
  body?: object;
}

/** The request fields WeChat Pay reads, all optional: the body is whatever the caller sent. */
export interface RequestBody {
  appid?: string;
  mchid?: string;
  description?: string;
  out_trade_no?: string;
  out_refund_no?: string;
  time_expire?: string;
  attach?: string;
  notify_url?: string;
  reason?: string;
  amount?: { total?: number; refund?: number; currency?: string };
  payer?: { openid?: string };
}

/** An empty WeChat Pay for one merchant and app. */
export function newSandboxState(mchId: string, appId: string): SandboxState {
  return { mchId, appId, orders: new Map(), refunds: new Map() };
}

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const error = (status: number, code: string, message: string): SandboxAnswer => ({ status, body: { code, message } });

/** Routes one authenticated request. */
export function route(state: SandboxState, method: string, url: URL, body: RequestBody | undefined): SandboxAnswer {
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

function createOrder(state: SandboxState, body: RequestBody = {}): SandboxAnswer {
  const { out_trade_no: outTradeNo = '', description = '', notify_url: notifyUrl = '', time_expire: timeExpire = '' } = body;
  const amount = body.amount?.total ?? 0;
  const openid = body.payer?.openid ?? '';
  if (body.mchid !== state.mchId || body.appid !== state.appId) return error(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  if (!OUT_TRADE_NO.test(outTradeNo)) return error(400, 'PARAM_ERROR', 'out_trade_no 格式错误');
  if (!Number.isInteger(amount) || amount <= 0 || body.amount?.currency !== 'CNY') return error(400, 'PARAM_ERROR', 'amount 错误');
  if (!openid || !description || !/^https?:\/\//.test(notifyUrl)) return error(400, 'PARAM_ERROR', '缺少参数');
  if (timeExpire && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(timeExpire)) return error(400, 'PARAM_ERROR', 'time_expire 格式错误');
  const existing = state.orders.get(outTradeNo);
  if (existing) {
    if (existing.tradeState === 'SUCCESS' || existing.tradeState === 'REFUND') return error(403, 'ORDERPAID', '该订单已支付');
    if (existing.tradeState === 'CLOSED') return error(400, 'ORDER_CLOSED', '订单已关闭');
    const same = existing.amountFen === amount && existing.payerOpenid === openid && existing.description === description;
    if (!same) return error(400, 'INVALID_REQUEST', '201 商户订单号重复');
    return { status: 200, body: { prepay_id: existing.prepayId } };
  }
  const prepayId = `wx${randomBytes(15).toString('hex')}`;
  state.orders.set(outTradeNo, {
    outTradeNo,
    appId: state.appId,
    description,
    amountFen: amount,
    payerOpenid: openid,
    notifyUrl,
    attach: body.attach ?? '',
    timeExpire,
    prepayId,
    tradeState: 'NOTPAY',
    refundedFen: 0,
  });
  return { status: 200, body: { prepay_id: prepayId } };
}

/** The transaction as the query and the notify present it. */
export function presentTransaction(state: SandboxState, order: SandboxOrder, mchId = state.mchId) {
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

function queryOrder(state: SandboxState, outTradeNo: string, mchId: string | null): SandboxAnswer {
  if (mchId !== state.mchId) return error(400, 'PARAM_ERROR', 'mchid 错误');
  const order = state.orders.get(outTradeNo);
  if (!order) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
  return { status: 200, body: presentTransaction(state, order) };
}

function closeOrder(state: SandboxState, outTradeNo: string, body: RequestBody = {}): SandboxAnswer {
  if (body.mchid !== state.mchId) return error(400, 'PARAM_ERROR', 'mchid 错误');
  const order = state.orders.get(outTradeNo);
  if (!order) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
  if (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND') return error(400, 'ORDERPAID', '订单已支付');
  order.tradeState = 'CLOSED';
  return { status: 204 };
}

function createRefund(state: SandboxState, body: RequestBody = {}): SandboxAnswer {
  const { out_refund_no: outRefundNo = '', out_trade_no: outTradeNo = '' } = body;
  const refundFen = body.amount?.refund ?? 0;
  if (!OUT_TRADE_NO.test(outRefundNo) || !Number.isInteger(refundFen) || refundFen <= 0) return error(400, 'PARAM_ERROR', '参数错误');
  const existing = state.refunds.get(outRefundNo);
  if (existing) return { status: 200, body: presentRefund(existing) };
  const order = state.orders.get(outTradeNo);
  if (!order) return error(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
  if (order.tradeState !== 'SUCCESS' && order.tradeState !== 'REFUND') return error(400, 'INVALID_REQUEST', '订单未支付');
  if (body.amount?.total !== order.amountFen) return error(400, 'INVALID_REQUEST', '订单金额与原订单不一致');
  if (order.refundedFen + refundFen > order.amountFen) return error(403, 'NOT_ENOUGH', '退款金额超过订单可退金额');
  order.refundedFen += refundFen;
  order.tradeState = 'REFUND';
  const refund: SandboxRefund = {
    refundId: `50${digits(20)}`,
    outRefundNo,
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

function queryRefund(state: SandboxState, outRefundNo: string): SandboxAnswer {
  const refund = state.refunds.get(outRefundNo);
  if (!refund) return error(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
  return { status: 200, body: presentRefund(refund) };
}

/** The refund as the refund API presents it. */
export function presentRefund(refund: SandboxRefund) {
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

/** The citizen pays: the order becomes SUCCESS with a transaction id (an order paid before stays as it was). */
export function payOrder(state: SandboxState, outTradeNo: string, at: Date): SandboxOrder {
  const order = state.orders.get(outTradeNo);
  if (!order) throw new Error(`WeChat Pay (sandbox) has no order ${outTradeNo}`);
  if (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND') return order;
  return Object.assign(order, { tradeState: 'SUCCESS', transactionId: newTransactionId(), successTime: chinaTime(at) });
}

/** The refund reaches the citizen (or fails): status SUCCESS unless told otherwise. */
export function completeRefund(state: SandboxState, outRefundNo: string, status: SandboxRefund['status'] = 'SUCCESS', at = new Date()): SandboxRefund {
  const refund = state.refunds.get(outRefundNo);
  if (!refund) throw new Error(`WeChat Pay (sandbox) has no refund ${outRefundNo}`);
  Object.assign(refund, { status, successTime: status === 'SUCCESS' ? chinaTime(at) : undefined });
  // A closed refund never left the merchant account: the order may be refunded by that much again.
  const order = state.orders.get(refund.outTradeNo);
  if (status === 'CLOSED' && order) order.refundedFen -= refund.amountFen;
  return refund;
}

/** A transaction id as WeChat Pay makes them (24 digits). */
export function newTransactionId(): string {
  return `4200${digits(20)}`;
}

function digits(count: number): string {
  let text = '';
  while (text.length < count) text += String(randomInt(1e9, 1e10 - 1));
  return text.slice(0, count);
}
