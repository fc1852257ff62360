// Without a merchant id the payment routes answer 503 PAYMENTS_DISABLED (the notify in
// WeChat's FAIL form) and nothing is stored.
import test from 'ava';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { config } from '../../server/config.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildStaff } from '../helpers/factories.ts';
import { NOTIFY_PATH, buildFeeApplication } from '../helpers/payments.ts';

let app: TestApp;
test.before(async () => {
  Object.assign(config, { WECHATPAY_MCHID: '' });
  app = await startTestApp();
});
test.after.always(() => app?.close());

test('POST /applications/:id/payments › payments not configured › answers 503 PAYMENTS_DISABLED', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const res = await app.request('POST', `/api/v1/applications/${applicationId}/payments`, { token: citizen.token });
  t.is(res.status, 503);
  t.is(res.body.error.code, 'PAYMENTS_DISABLED');
  t.is(await PaymentOrderModel.countDocuments({}), 0);
});

test('POST /wechat/pay/notify › payments not configured › answers 503 in the FAIL form', async (t) => {
  const res = await app.request('POST', NOTIFY_PATH, { body: { id: 'EV-1', event_type: 'TRANSACTION.SUCCESS' } });
  t.is(res.status, 503);
  t.deepEqual(res.body, { code: 'FAIL', message: '本中心暂未开通在线缴费' });
});

test('POST /admin/payments/:id/refund › payments not configured › answers 503 PAYMENTS_DISABLED', async (t) => {
  const admin = await buildStaff('center_admin', null);
  const res = await app.request('POST', '/api/v1/admin/payments/000000000000000000000000/refund', { token: admin.token, body: { reason: '测试' } });
  t.is(res.status, 503);
  t.is(res.body.error.code, 'PAYMENTS_DISABLED');
});
