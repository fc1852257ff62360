// The WeChat Pay client against the local fake server, which checks the merchant's real
// request signatures and signs its answers (platform certificate and public-key modes).
import test from 'ava';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey, createSign, verify } from 'node:crypto';
import {
  createPayClient,
  isValidOutTradeNo,
  newOutTradeNo,
  toRfc3339China,
  WechatPayError,
  WechatPaySignatureError,
  WechatPayUnavailableError,
  type PayClientOptions,
} from '../../integrations/wechatpay/index.ts';
import { generateRsaKeyPair } from '../helpers/merchant-keys.ts';
import {
  startWechatPayFixture,
  useWechatPayFixtures,
  verifierFor,
  TEST_APP_ID,
  TEST_MCH_ID,
  TEST_NOTIFY_URL,
  type WechatPayFixture,
} from '../helpers/wechatpay-fixture.ts';

const fixtures = useWechatPayFixtures(test);

const order = (overrides: { amountFen?: number } = {}) => ({
  outTradeNo: newOutTradeNo('T'),
  description: '不动产登记费',
  amountFen: overrides.amountFen ?? 8000,
  payerOpenid: 'o-citizen-openid',
  timeExpire: new Date(Date.now() + 30 * 60_000),
});

/** Options for a client that differs from the fixture's in `overrides`. */
function clientOptions(fixture: WechatPayFixture, overrides: Partial<PayClientOptions> = {}): PayClientOptions {
  return {
    mchId: TEST_MCH_ID,
    appId: TEST_APP_ID,
    serial: fixture.merchant.serial,
    privateKey: fixture.merchant.privateKeyPem,
    apiV3Key: fixture.fake.apiV3Key,
    apiBase: fixture.fake.baseUrl,
    notifyUrl: TEST_NOTIFY_URL,
    verifier: verifierFor(fixture.fake),
    ...overrides,
  };
}

for (const mode of ['certificate', 'publicKey'] as const) {
  test(`WeChat Pay client (${mode}) › createJsapiOrder › answers the prepay_id of an order the fake accepted`, async (t) => {
    const { client, fake } = fixtures[mode];
    const input = { ...order(), attach: 'application:42' };
    const { prepayId } = await client.createJsapiOrder(input);
    const stored = fake.orders.get(input.outTradeNo);
    t.is(stored?.prepayId, prepayId);
    t.like(stored, { amountFen: 8000, payerOpenid: 'o-citizen-openid', notifyUrl: TEST_NOTIFY_URL, attach: 'application:42', tradeState: 'NOTPAY' });
    t.regex(stored?.timeExpire ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  test(`WeChat Pay client (${mode}) › queryOrder › says NOTPAY, then SUCCESS with the transaction once paid`, async (t) => {
    const { client, fake } = fixtures[mode];
    const input = order({ amountFen: 1250 });
    await client.createJsapiOrder(input);
    t.deepEqual(await client.queryOrder(input.outTradeNo), { tradeState: 'NOTPAY', transactionId: undefined, amountFen: 1250, successTime: undefined });
    const paid = fake.pay(input.outTradeNo, new Date('2026-11-21T05:00:00Z'));
    const state = await client.queryOrder(input.outTradeNo);
    t.like(state, { tradeState: 'SUCCESS', transactionId: paid.transactionId, amountFen: 1250 });
    t.is(state.successTime?.toISOString(), '2026-11-21T05:00:00.000Z');
  });

  test(`WeChat Pay client (${mode}) › closeOrder › closes an unpaid order`, async (t) => {
    const { client } = fixtures[mode];
    const input = order();
    await client.createJsapiOrder(input);
    await client.closeOrder(input.outTradeNo);
    t.is((await client.queryOrder(input.outTradeNo)).tradeState, 'CLOSED');
  });

  test(`WeChat Pay client (${mode}) › createRefund and queryRefund › refund a paid order, PROCESSING then SUCCESS`, async (t) => {
    const { client, fake } = fixtures[mode];
    const input = order({ amountFen: 3000 });
    await client.createJsapiOrder(input);
    fake.pay(input.outTradeNo);
    const outRefundNo = newOutTradeNo('R');
    const refund = await client.createRefund({ outTradeNo: input.outTradeNo, outRefundNo, amountFen: 1000, totalFen: 3000, reason: '申请撤回' });
    t.like(refund, { outRefundNo, status: 'PROCESSING', amountFen: 1000 });
    t.is(fake.refunds.get(outRefundNo)?.notifyUrl, TEST_NOTIFY_URL);
    fake.completeRefund(outRefundNo);
    const queried = await client.queryRefund(outRefundNo);
    t.like(queried, { refundId: refund.refundId, status: 'SUCCESS', amountFen: 1000 });
    t.true(queried.successTime instanceof Date);
    t.is((await client.queryOrder(input.outTradeNo)).tradeState, 'REFUND');
  });
}

test('WeChat Pay client › a private key that does not match the merchant certificate › fails with WechatPayError 401 SIGN_ERROR', async (t) => {
  const fixture = fixtures.certificate;
  const impostor = createPayClient(clientOptions(fixture, { privateKey: generateRsaKeyPair().privateKeyPem }));
  const error = await t.throwsAsync(impostor.createJsapiOrder(order()), { instanceOf: WechatPayError });
  t.like(error, { status: 401, code: 'SIGN_ERROR' });
});

test('WeChat Pay client › a wrong merchant serial › fails with WechatPayError 401 SIGN_ERROR', async (t) => {
  const client = createPayClient(clientOptions(fixtures.publicKey, { serial: '0123456789ABCDEF' }));
  const error = await t.throwsAsync(client.queryOrder(newOutTradeNo('T')), { instanceOf: WechatPayError });
  t.like(error, { status: 401, code: 'SIGN_ERROR' });
});

test('WeChat Pay client › queryOrder of an order never created › fails with WechatPayError 404 ORDER_NOT_EXIST', async (t) => {
  const error = await t.throwsAsync(fixtures.certificate.client.queryOrder(newOutTradeNo('T')), { instanceOf: WechatPayError });
  t.like(error, { status: 404, code: 'ORDER_NOT_EXIST' });
});

test('WeChat Pay client › createJsapiOrder for a paid order › fails with WechatPayError ORDERPAID', async (t) => {
  const { client, fake } = fixtures.publicKey;
  const input = order();
  await client.createJsapiOrder(input);
  fake.pay(input.outTradeNo);
  const error = await t.throwsAsync(client.createJsapiOrder(input), { instanceOf: WechatPayError });
  t.is(error?.code, 'ORDERPAID');
});

test('WeChat Pay client › refunding more than was paid › fails with WechatPayError 403 NOT_ENOUGH', async (t) => {
  const { client, fake } = fixtures.certificate;
  const input = order({ amountFen: 500 });
  await client.createJsapiOrder(input);
  fake.pay(input.outTradeNo);
  await client.createRefund({ outTradeNo: input.outTradeNo, outRefundNo: newOutTradeNo('R'), amountFen: 400, totalFen: 500, reason: '退款' });
  const second = client.createRefund({ outTradeNo: input.outTradeNo, outRefundNo: newOutTradeNo('R'), amountFen: 200, totalFen: 500, reason: '退款' });
  const error = await t.throwsAsync(second, { instanceOf: WechatPayError });
  t.like(error, { status: 403, code: 'NOT_ENOUGH' });
});

test('WeChat Pay client › an answer signed by a key the verifier does not trust › fails with SIGNATURE_INVALID', async (t) => {
  // The public-key fake answers, but the client trusts only the certificate fake's key.
  const client = createPayClient(clientOptions(fixtures.publicKey, { verifier: verifierFor(fixtures.certificate.fake) }));
  const error = await t.throwsAsync(client.createJsapiOrder(order()), { instanceOf: WechatPaySignatureError });
  t.is(error?.code, 'SIGNATURE_INVALID');
});

test('WeChat Pay client › an answer whose signature does not verify › fails with SIGNATURE_INVALID', async (t) => {
  const fixture = await startWechatPayFixture('certificate', fixtures.certificate.merchant);
  t.teardown(() => fixture.fake.close());
  fixture.fake.tamperResponses = true;
  const error = await t.throwsAsync(fixture.client.createJsapiOrder(order()), { instanceOf: WechatPaySignatureError });
  t.is(error?.code, 'SIGNATURE_INVALID');
});

test('WeChat Pay client › WeChat Pay unreachable › fails with WechatPayUnavailableError', async (t) => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const client = createPayClient(clientOptions(fixtures.certificate, { apiBase: `http://127.0.0.1:${port}` }));
  await t.throwsAsync(client.queryOrder(newOutTradeNo('T')), { instanceOf: WechatPayUnavailableError });
});

test('WeChat Pay client › WeChat Pay does not answer in time › fails with WechatPayUnavailableError', async (t) => {
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    silent.closeAllConnections();
    silent.close();
  });
  const { port } = silent.address() as AddressInfo;
  const client = createPayClient(clientOptions(fixtures.certificate, { apiBase: `http://127.0.0.1:${port}`, timeoutMs: 100 }));
  await t.throwsAsync(client.queryOrder(newOutTradeNo('T')), { instanceOf: WechatPayUnavailableError });
});

test('WeChat Pay client › createPayClient › refuses an apiBase with a path, since the signature covers the path', (t) => {
  t.throws(() => createPayClient(clientOptions(fixtures.certificate, { apiBase: 'https://proxy.example/wechatpay' })), { instanceOf: TypeError });
});

test('WeChat Pay client › a malformed out_trade_no › throws TypeError before any request', async (t) => {
  const { client, fake } = fixtures.certificate;
  const before = fake.requests.length;
  await t.throwsAsync(client.createJsapiOrder({ ...order(), outTradeNo: 'bad no!' }), { instanceOf: TypeError });
  await t.throwsAsync(client.queryOrder('12345'), { instanceOf: TypeError });
  t.is(fake.requests.length, before);
});

test('WeChat Pay client › buildRequestPaymentParams › paySign verifies with the merchant public key over appId, timeStamp, nonceStr, package', (t) => {
  const { client, merchant } = fixtures.certificate;
  const params = client.buildRequestPaymentParams('wx201410272009395522657a690389285100', new Date('2026-11-21T05:00:00Z'));
  t.like(params, { appId: TEST_APP_ID, timeStamp: '1795237200', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
  t.regex(params.nonceStr, /^[0-9a-f]{32}$/);
  const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
  const key = createPublicKey(merchant.publicKeyPem);
  t.true(verify('RSA-SHA256', Buffer.from(message), key, Buffer.from(params.paySign, 'base64')));
  t.false(verify('RSA-SHA256', Buffer.from(message.replace('prepay_id=wx2', 'prepay_id=wx3')), key, Buffer.from(params.paySign, 'base64')));
});

test('WeChat Pay client › createPayClient › refuses an APIv3 key that is not 32 bytes', (t) => {
  t.throws(() => createPayClient(clientOptions(fixtures.certificate, { apiV3Key: 'short' })), { instanceOf: TypeError });
});

/** A GET signed by hand exactly as WeChat Pay documents it, `ageMs` in the past. */
async function handSignedGet(fixture: WechatPayFixture, path: string, ageMs: number) {
  const timestamp = Math.floor((Date.now() - ageMs) / 1000).toString();
  const nonce = 'n0nce' + timestamp;
  const message = `GET\n${path}\n${timestamp}\n${nonce}\n\n`;
  const signature = createSign('RSA-SHA256').update(message).sign(fixture.merchant.privateKeyPem, 'base64');
  const authorization = `WECHATPAY2-SHA256-RSA2048 mchid="${TEST_MCH_ID}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${fixture.merchant.serial}"`;
  const response = await fetch(fixture.fake.baseUrl + path, { headers: { Authorization: authorization } });
  return { status: response.status, body: (await response.json()) as { code?: string } };
}

test('fake WeChat Pay › a request signed by hand as documented › is authenticated, and refused once 6 minutes old', async (t) => {
  const fixture = fixtures.certificate;
  const path = `/v3/pay/transactions/out-trade-no/${newOutTradeNo('T')}?mchid=${TEST_MCH_ID}`;
  t.like(await handSignedGet(fixture, path, 0), { status: 404, body: { code: 'ORDER_NOT_EXIST' } });
  t.like(await handSignedGet(fixture, path, 4 * 60_000), { status: 404 });
  t.like(await handSignedGet(fixture, path, 6 * 60_000), { status: 401, body: { code: 'SIGN_ERROR' } });
  t.like(await handSignedGet(fixture, path, -6 * 60_000), { status: 401, body: { code: 'SIGN_ERROR' } });
});

test('newOutTradeNo › makes distinct numbers WeChat Pay accepts, starting with the prefix', (t) => {
  const numbers = Array.from({ length: 200 }, () => newOutTradeNo('PAY_0123'));
  t.is(new Set(numbers).size, numbers.length);
  for (const value of numbers) {
    t.true(isValidOutTradeNo(value));
    t.true(value.startsWith('PAY_0123'));
  }
  t.is(newOutTradeNo('', new Date('2026-11-21T05:06:07Z')).slice(0, 14), '20261121050607');
});

test('newOutTradeNo › refuses a prefix that is too long or has characters outside the alphabet', (t) => {
  t.throws(() => newOutTradeNo('ABCDEFGHIJK'), { instanceOf: TypeError });
  t.throws(() => newOutTradeNo('订单'), { instanceOf: TypeError });
});

test('isValidOutTradeNo › accepts 6–32 characters of [0-9A-Za-z_-|*] only', (t) => {
  t.true(isValidOutTradeNo('a_-|*9'));
  t.true(isValidOutTradeNo('x'.repeat(32)));
  t.false(isValidOutTradeNo('x'.repeat(5)));
  t.false(isValidOutTradeNo('x'.repeat(33)));
  t.false(isValidOutTradeNo('abc def'));
  t.false(isValidOutTradeNo('abcdef/'));
});

test('toRfc3339China › writes an instant in China time as WeChat Pay expects', (t) => {
  t.is(toRfc3339China(new Date('2026-11-21T17:30:00.900Z')), '2026-11-22T01:30:00+08:00');
});
