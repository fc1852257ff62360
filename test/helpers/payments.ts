// The app wired to a fake WeChat Pay server in one mode (keys written to a temporary folder
// and named in config, as in production), and factories for applications with a fee.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApplicationModel } from '../../models/application.ts';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { config } from '../../server/config.ts';
import { startTestApp, type TestApp } from './app.ts';
import { buildCitizen, buildItem } from './factories.ts';
import type { BuiltNotify } from './fake-wechatpay.ts';
import { TEST_APP_ID, TEST_MCH_ID, TEST_NOTIFY_URL, startWechatPayFixture, type WechatPayFixture } from './wechatpay-fixture.ts';

export const NOTIFY_PATH = '/api/v1/wechat/pay/notify';

export interface PaymentsTestbed extends WechatPayFixture {
  app: TestApp;
  /** Posts a built notify to the app as WeChat Pay would. */
  sendNotify(notify: BuiltNotify): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/** Starts the fake in `mode`, points config at it (key files on disk) and starts the app. */
export async function startPaymentsApp(mode: 'certificate' | 'publicKey'): Promise<PaymentsTestbed> {
  const fixture = await startWechatPayFixture(mode);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onetrip-wxpay-'));
  const file = async (name: string, text: string) => {
    await writeFile(path.join(dir, name), text, { mode: 0o600 });
    return path.join(dir, name);
  };
  Object.assign(config, {
    WECHATPAY_MCHID: TEST_MCH_ID,
    WECHAT_APPID: TEST_APP_ID,
    WECHATPAY_SERIAL: fixture.merchant.serial,
    WECHATPAY_PRIVATE_KEY_PATH: await file('apiclient_key.pem', fixture.merchant.privateKeyPem),
    WECHATPAY_APIV3_KEY: fixture.fake.apiV3Key,
    WECHATPAY_PLATFORM_CERT_PATH: fixture.fake.platformCert ? await file('platform_cert.pem', fixture.fake.platformCert.pem) : '',
    WECHATPAY_PUBLIC_KEY_PATH: fixture.fake.publicKey ? await file('pub_key.pem', fixture.fake.publicKey.pem) : '',
    WECHATPAY_PUBLIC_KEY_ID: fixture.fake.publicKey?.id ?? '',
    WECHATPAY_API_BASE: fixture.fake.baseUrl,
    WECHATPAY_NOTIFY_URL: TEST_NOTIFY_URL,
  });
  const app = await startTestApp();
  return {
    ...fixture,
    app,
    sendNotify: (notify) => fixture.fake.sendNotify(`${app.baseUrl}${NOTIFY_PATH}`, notify),
    async close() {
      await app.close();
      await fixture.fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const FEE_ITEMS = [
  { name: '证照工本费', amountFen: 2000, basis: '发改价格〔2026〕1号' },
  { name: '邮寄费', amountFen: 1250 },
];
export const FEE_TOTAL_FEN = 3250;

// One item of each kind per test file: concurrent buildItem calls race on the catalogue's
// version counter (an upsert), so tests share these.
const items = new Map<boolean, ReturnType<typeof buildItem>>();
const itemCharging = (charged: boolean) => {
  if (!items.has(charged)) {
    items.set(charged, buildItem({ fee: charged ? { charged: true, items: FEE_ITEMS } : { charged: false, items: [] }, onlinePayment: charged }));
  }
  return items.get(charged)!;
};

/** A citizen with a submitted application for an item that charges FEE_ITEMS (or no fee). */
export async function buildFeeApplication(options: { charged?: boolean } = {}) {
  const item = await itemCharging(options.charged ?? true);
  const citizen = await buildCitizen({ verified: true });
  const application = await ApplicationModel.create({
    citizenId: citizen.id,
    itemCode: item.code,
    department: item.department,
    status: 'submitted',
  });
  return { citizen, item, applicationId: String(application._id) };
}

/** The stored order by out_trade_no. */
export async function storedOrder(outTradeNo: string) {
  return (await PaymentOrderModel.findOne({ outTradeNo }).lean())!;
}

/** The stored application. */
export async function storedApplication(applicationId: string) {
  return (await ApplicationModel.findById(applicationId).lean())!;
}

/** Asks, as staff `token`, for a full refund of order `orderId`, which WeChat Pay completes; answers its out_refund_no. */
export async function refundAtWechat(bed: PaymentsTestbed, token: string, orderId: string, reason: string): Promise<string> {
  const res = await bed.app.request('POST', `/api/v1/admin/payments/${orderId}/refund`, { token, body: { reason } });
  if (res.status !== 200) throw new Error(`refund answered ${res.status} ${res.text}`);
  bed.fake.completeRefund(res.body.outRefundNo);
  return res.body.outRefundNo as string;
}

/** The same, with WeChat Pay's notify that the refund succeeded delivered. */
export async function refundInFull(bed: PaymentsTestbed, token: string, orderId: string, reason: string): Promise<void> {
  const outRefundNo = await refundAtWechat(bed, token, orderId, reason);
  const notified = await bed.sendNotify(bed.fake.buildRefundNotify({ outRefundNo }));
  if (notified.status !== 204) throw new Error('refund notify refused');
}
