// The notify tests, registered once per signing mode (platform certificate, WeChat Pay public
// key) by notify-certificate.test.ts and notify-public-key.test.ts.
import type { TestFn } from 'ava';
import { newOutTradeNo } from '../../integrations/wechatpay/index.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import type { NotifyTamper } from '../helpers/fake-wechatpay.ts';
import {
  FEE_TOTAL_FEN,
  NOTIFY_PATH,
  buildFeeApplication,
  startPaymentsApp,
  storedApplication,
  storedOrder,
  type PaymentsTestbed,
} from '../helpers/payments.ts';

/** A citizen's application with an order made through the API (not yet paid). */
export async function orderThroughApi(bed: PaymentsTestbed) {
  const built = await buildFeeApplication();
  const res = await bed.app.request('POST', `/api/v1/applications/${built.applicationId}/payments`, { token: built.citizen.token });
  if (res.status !== 200) throw new Error(`ordering answered ${res.status} ${res.text}`);
  return { ...built, outTradeNo: res.body.order.outTradeNo as string, orderId: res.body.order.id as string };
}

/** An order made through the API and paid at the fake. */
export async function paidAtWechat(bed: PaymentsTestbed) {
  const order = await orderThroughApi(bed);
  bed.fake.pay(order.outTradeNo);
  return order;
}

const auditsOf = (entityId: string, action: string) => AuditLogModel.countDocuments({ entityId, action });

export function registerNotifyTests(test: TestFn, mode: 'certificate' | 'publicKey'): void {
  let bed: PaymentsTestbed;
  test.before(async () => {
    bed = await startPaymentsApp(mode);
  });
  test.after.always(() => bed?.close());
  const title = (rest: string) => `POST /wechat/pay/notify (${mode}) › ${rest}`;

  test(title('a genuine payment notify › answers 204 with no body, marks the order and the application paid'), async (t) => {
    const order = await paidAtWechat(bed);
    const res = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' }));
    t.is(res.status, 204);
    t.is(res.body, '');
    const stored = await storedOrder(order.outTradeNo);
    t.like(stored, { status: 'paid', settledBy: 'notify', transactionId: bed.fake.orders.get(order.outTradeNo)!.transactionId });
    t.true((await storedApplication(order.applicationId)).paid);
    const listed = await bed.app.request('GET', `/api/v1/applications/${order.applicationId}/payments`, { token: order.citizen.token });
    t.like(listed.body.items[0], { outTradeNo: order.outTradeNo, status: 'paid', amountFen: FEE_TOTAL_FEN });
    const shown = await bed.app.request('GET', `/api/v1/applications/${order.applicationId}`, { token: order.citizen.token });
    t.true(shown.body.paid, 'the application shows the payment');
    t.is(await auditsOf(order.orderId, 'pay'), 1);
  });

  test(title('the same notify three times › is acknowledged each time and applied once'), async (t) => {
    const order = await paidAtWechat(bed);
    const notify = bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' });
    const answers = [await bed.sendNotify(notify), ...(await Promise.all([bed.sendNotify(notify), bed.sendNotify(notify)]))];
    t.deepEqual(
      answers.map((a) => a.status),
      [204, 204, 204],
    );
    const paidAt = (await storedOrder(order.outTradeNo)).paidAt;
    t.is((await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' }))).status, 204);
    t.deepEqual((await storedOrder(order.outTradeNo)).paidAt, paidAt);
    t.is(await auditsOf(order.orderId, 'pay'), 1);
  });

  for (const tamper of ['signature', 'body', 'serial'] as NotifyTamper[]) {
    test(title(`a notify with a tampered ${tamper} › answers 401 FAIL and changes nothing`), async (t) => {
      const order = await paidAtWechat(bed);
      const res = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS', tamper }));
      t.is(res.status, 401);
      t.like(JSON.parse(res.body), { code: 'FAIL' });
      t.is((await storedOrder(order.outTradeNo)).status, 'open');
      t.false((await storedApplication(order.applicationId)).paid);
    });
  }

  test(title('a notify without WeChat Pay headers › answers 401 FAIL'), async (t) => {
    const order = await paidAtWechat(bed);
    const notify = bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' });
    const res = await bed.app.request('POST', NOTIFY_PATH, { rawBody: notify.body, headers: { 'Content-Type': 'application/json' } });
    t.is(res.status, 401);
    t.is(res.body.code, 'FAIL');
    t.is((await storedOrder(order.outTradeNo)).status, 'open');
  });

  test(title('a notify signed six minutes ago › answers 401 FAIL and changes nothing'), async (t) => {
    const order = await paidAtWechat(bed);
    const res = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS', tamper: 'timestamp' }));
    t.is(res.status, 401);
    t.deepEqual(JSON.parse(res.body), { code: 'FAIL', message: '通知时间戳过期' });
    t.is((await storedOrder(order.outTradeNo)).status, 'open');
  });

  test(title('a genuine notify laid out with spaces and line breaks › is verified over its raw bytes and answers 204'), async (t) => {
    const order = await paidAtWechat(bed);
    const notify = bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS', spaced: true });
    t.true(notify.body.includes('\n  "resource"'));
    t.is((await bed.sendNotify(notify)).status, 204);
    t.is((await storedOrder(order.outTradeNo)).status, 'paid');
  });

  test(title('a notify re-serialised by a proxy (same JSON, other bytes) › answers 401 FAIL'), async (t) => {
    const order = await paidAtWechat(bed);
    const notify = bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' });
    const res = await bed.sendNotify({ ...notify, body: JSON.stringify(JSON.parse(notify.body), null, 1) });
    t.is(res.status, 401);
    t.is((await storedOrder(order.outTradeNo)).status, 'open');
  });

  test(title('an amount that differs from the order › answers 400 FAIL, is audited, the order stays open'), async (t) => {
    const order = await paidAtWechat(bed);
    const res = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS', amountFen: FEE_TOTAL_FEN - 1 }));
    t.is(res.status, 400);
    t.is(JSON.parse(res.body).code, 'FAIL');
    t.is((await storedOrder(order.outTradeNo)).status, 'open');
    t.false((await storedApplication(order.applicationId)).paid);
    const audit = await AuditLogModel.findOne({ entityId: order.orderId, action: 'payment_report_refused' }).lean();
    t.is(audit?.purpose, 'AMOUNT_MISMATCH');
  });

  test(title('another merchant id › answers 400 FAIL, is audited, the order stays open'), async (t) => {
    const order = await paidAtWechat(bed);
    const res = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS', mchId: '1900000999' }));
    t.is(res.status, 400);
    t.is((await storedOrder(order.outTradeNo)).status, 'open');
    t.is((await AuditLogModel.findOne({ entityId: order.orderId, action: 'payment_report_refused' }).lean())?.purpose, 'MCHID_MISMATCH');
  });

  test(title('an out_trade_no we never issued › answers 404 FAIL and is audited'), async (t) => {
    const outTradeNo = newOutTradeNo('XX');
    const res = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo, tradeState: 'SUCCESS' }));
    t.is(res.status, 404);
    t.is(JSON.parse(res.body).code, 'FAIL');
    t.is(await auditsOf(outTradeNo, 'payment_report_refused'), 1);
  });
}
