// One merchant, one fake WeChat Pay server and a client wired to it: what a test of payments
// needs. The lead's app tests can build their config from the same pieces.
import { createNotifyVerifier, createPayClient, type PayClient } from '../../integrations/wechatpay/index.ts';
import { startFakeWechatPay, type FakeWechatPay } from './fake-wechatpay.ts';
import { generateMerchantKeys, type MerchantKeys } from './merchant-keys.ts';

export const TEST_MCH_ID = '1900000109';
export const TEST_APP_ID = 'wxd678efh567hg6787';
export const TEST_NOTIFY_URL = 'https://onetrip.example.gov.cn/api/v1/wechat/pay/notify';

export interface WechatPayFixture {
  merchant: MerchantKeys;
  fake: FakeWechatPay;
  client: PayClient;
}

/** Starts a fake in `mode` for `merchant` (fresh keys unless given) and a client trusting it. */
export async function startWechatPayFixture(mode: 'certificate' | 'publicKey', merchant?: MerchantKeys): Promise<WechatPayFixture> {
  const keys = merchant ?? (await generateMerchantKeys(TEST_MCH_ID));
  const fake = await startFakeWechatPay({
    mchId: TEST_MCH_ID,
    appId: TEST_APP_ID,
    merchantPublicKeyPem: keys.publicKeyPem,
    merchantSerial: keys.serial,
    mode,
  });
  const client = createPayClient({
    mchId: TEST_MCH_ID,
    appId: TEST_APP_ID,
    serial: keys.serial,
    privateKey: keys.privateKeyPem,
    apiV3Key: fake.apiV3Key,
    apiBase: fake.baseUrl,
    notifyUrl: TEST_NOTIFY_URL,
    verifier: verifierFor(fake),
  });
  return { merchant: keys, fake, client };
}

/** A verifier trusting exactly the fake's signing key. */
export function verifierFor(fake: FakeWechatPay) {
  return createNotifyVerifier(fake.platformCert ? { platformCerts: [fake.platformCert] } : { publicKey: fake.publicKey });
}

export type WechatPayFixtures = Record<'certificate' | 'publicKey', WechatPayFixture>;

/**
 * Registers ava hooks that start one fixture per mode (one merchant for both) before the file's
 * tests and close them after; the returned object is filled in by the time tests run.
 */
export function useWechatPayFixtures(test: {
  before: (fn: () => Promise<void>) => void;
  after: { always: (fn: () => Promise<void>) => void };
}): WechatPayFixtures {
  // Filled in by test.before, before any test reads it.
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions
  const fixtures = {} as WechatPayFixtures;
  test.before(async () => {
    fixtures.certificate = await startWechatPayFixture('certificate');
    fixtures.publicKey = await startWechatPayFixture('publicKey', fixtures.certificate.merchant);
  });
  test.after.always(async () => {
    await Promise.all(Object.values(fixtures).map((fixture) => fixture.fake.close()));
  });
  return fixtures;
}
