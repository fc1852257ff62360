// Verification and decryption of WeChat Pay notifies, signed by the fake server with its
// platform certificate or its WeChat Pay public key, tampered in each way that matters.
import test from 'ava';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createNotifyVerifier,
  decryptResource,
  newOutTradeNo,
  parseNotify,
  platformCertFromPem,
  readRefund,
  readTransaction,
  WechatPayDecryptError,
  WechatPaySignatureError,
  type PayClient,
} from '../../integrations/wechatpay/index.ts';
import { useWechatPayFixtures, verifierFor, TEST_MCH_ID, type WechatPayFixture } from '../helpers/wechatpay-fixture.ts';

const fixtures = useWechatPayFixtures(test);

/** An order created through the client and paid at the fake. */
async function paidOrder({ client, fake }: WechatPayFixture, amountFen = 6600) {
  const outTradeNo = newOutTradeNo('N');
  await client.createJsapiOrder({ outTradeNo, description: '证照工本费', amountFen, payerOpenid: 'o-payer', timeExpire: new Date(Date.now() + 600_000) });
  fake.pay(outTradeNo);
  return outTradeNo;
}

const SIGNED_AT = new Date('2026-11-21T05:00:00Z');
const seconds = (count: number) => count * 1000;

for (const mode of ['certificate', 'publicKey'] as const) {
  const title = (rest: string) => `WeChat Pay notify (${mode}) › ${rest}`;

  test(title('a genuine payment notify › verifies and decrypts to the paid transaction'), async (t) => {
    const fixture = fixtures[mode];
    const outTradeNo = await paidOrder(fixture);
    const notify = fixture.fake.buildNotify({ outTradeNo, tradeState: 'SUCCESS' });
    const parsed = fixture.client.parseNotify({ headers: notify.headers, rawBody: Buffer.from(notify.body), now: new Date() });
    t.is(parsed.eventType, 'TRANSACTION.SUCCESS');
    t.regex(parsed.id, /^EV-/);
    const transaction = readTransaction(parsed.resource);
    t.like(transaction, { outTradeNo, tradeState: 'SUCCESS', amountFen: 6600, mchId: TEST_MCH_ID, payerOpenid: 'o-payer' });
    t.is(transaction.transactionId, fixture.fake.orders.get(outTradeNo)?.transactionId ?? 'no transaction at the fake');
  });

  test(title('headers as node delivers them (lower case) › verify too'), async (t) => {
    const fixture = fixtures[mode];
    const notify = fixture.fake.buildNotify({ outTradeNo: await paidOrder(fixture), tradeState: 'SUCCESS' });
    const lower = Object.fromEntries(Object.entries(notify.headers).map(([name, value]) => [name.toLowerCase(), value]));
    t.notThrows(() => fixture.client.parseNotify({ headers: lower, rawBody: notify.body, now: new Date() }));
  });

  for (const tamper of ['body', 'signature', 'serial'] as const) {
    test(title(`tampered ${tamper} › is rejected with SIGNATURE_INVALID`), async (t) => {
      const fixture = fixtures[mode];
      const notify = fixture.fake.buildNotify({ outTradeNo: await paidOrder(fixture), tradeState: 'SUCCESS', tamper });
      const error = t.throws(() => fixture.client.parseNotify({ headers: notify.headers, rawBody: notify.body, now: new Date() }), {
        instanceOf: WechatPaySignatureError,
      });
      t.is(error?.code, 'SIGNATURE_INVALID');
    });
  }

  test(title('a notify signed six minutes ago › is rejected with TIMESTAMP_EXPIRED'), async (t) => {
    const fixture = fixtures[mode];
    const notify = fixture.fake.buildNotify({ outTradeNo: await paidOrder(fixture), tradeState: 'SUCCESS', tamper: 'timestamp' });
    const error = t.throws(() => fixture.client.parseNotify({ headers: notify.headers, rawBody: notify.body, now: new Date() }), {
      instanceOf: WechatPaySignatureError,
    });
    t.is(error?.code, 'TIMESTAMP_EXPIRED');
  });

  test(title('the timestamp window › accepts exactly 5 minutes either way, rejects one second more'), async (t) => {
    const fixture = fixtures[mode];
    const notify = fixture.fake.buildNotify({ outTradeNo: await paidOrder(fixture), tradeState: 'SUCCESS', signedAt: SIGNED_AT });
    const at = (offsetMs: number) => () =>
      fixture.client.parseNotify({ headers: notify.headers, rawBody: notify.body, now: new Date(SIGNED_AT.getTime() + offsetMs) });
    t.notThrows(at(seconds(300)));
    t.notThrows(at(-seconds(300)));
    t.is(t.throws(at(seconds(301)), { instanceOf: WechatPaySignatureError })?.code, 'TIMESTAMP_EXPIRED');
    t.is(t.throws(at(-seconds(301)), { instanceOf: WechatPaySignatureError })?.code, 'TIMESTAMP_EXPIRED');
  });

  test(title('missing signature headers › is rejected with SIGNATURE_INVALID'), async (t) => {
    const fixture = fixtures[mode];
    const { headers, body } = fixture.fake.buildNotify({ outTradeNo: await paidOrder(fixture), tradeState: 'SUCCESS' });
    const { 'Wechatpay-Signature': _dropped, ...unsigned } = headers;
    const error = t.throws(() => fixture.client.parseNotify({ headers: unsigned, rawBody: body, now: new Date() }), { instanceOf: WechatPaySignatureError });
    t.is(error?.code, 'SIGNATURE_INVALID');
  });

  test(title('a genuine notify with the wrong APIv3 key › fails to decrypt'), async (t) => {
    const fixture = fixtures[mode];
    const notify = fixture.fake.buildNotify({ outTradeNo: await paidOrder(fixture), tradeState: 'SUCCESS' });
    const message = { headers: notify.headers, rawBody: notify.body, now: new Date(), verifier: verifierFor(fixture.fake) };
    t.throws(() => parseNotify({ ...message, apiV3Key: 'x'.repeat(32) }), { instanceOf: WechatPayDecryptError });
    t.is(parseNotify({ ...message, apiV3Key: fixture.fake.apiV3Key }).eventType, 'TRANSACTION.SUCCESS');
  });

  test(title('a refund notify › decrypts to the refund'), async (t) => {
    const fixture = fixtures[mode];
    const outTradeNo = await paidOrder(fixture, 2000);
    const outRefundNo = newOutTradeNo('R');
    await fixture.client.createRefund({ outTradeNo, outRefundNo, amountFen: 2000, totalFen: 2000, reason: '不予受理退费' });
    const notify = fixture.fake.buildRefundNotify({ outRefundNo });
    const parsed = fixture.client.parseNotify({ headers: notify.headers, rawBody: notify.body, now: new Date() });
    t.is(parsed.eventType, 'REFUND.SUCCESS');
    t.like(readRefund(parsed.resource), { outTradeNo, outRefundNo, refundStatus: 'SUCCESS', refundFen: 2000, mchId: TEST_MCH_ID });
  });
}

test('WeChat Pay notify › a verifier with both a certificate and a public key › chooses the key by Wechatpay-Serial', async (t) => {
  const verifier = createNotifyVerifier({ platformCerts: [fixtures.certificate.fake.platformCert!], publicKey: fixtures.publicKey.fake.publicKey });
  for (const fixture of Object.values(fixtures)) {
    const notify = fixture.fake.buildNotify({ outTradeNo: await paidOrder(fixture), tradeState: 'SUCCESS' });
    t.notThrows(() => verifier.verifyNotify({ headers: notify.headers, rawBody: notify.body, now: new Date() }));
  }
});

test('WeChat Pay notify › platformCertFromPem › gives the serial that the notifies carry', async (t) => {
  const fake = fixtures.certificate.fake;
  const verifier = createNotifyVerifier({ platformCerts: [platformCertFromPem(fake.platformCert!.pem)] });
  const notify = fake.buildNotify({ outTradeNo: await paidOrder(fixtures.certificate), tradeState: 'SUCCESS' });
  t.is(platformCertFromPem(fake.platformCert!.pem).serial, notify.headers['Wechatpay-Serial'] ?? 'no serial header');
  t.notThrows(() => verifier.verifyNotify({ headers: notify.headers, rawBody: notify.body, now: new Date() }));
});

test('WeChat Pay notify › a certificate-mode verifier › does not accept public-key-signed notifies', async (t) => {
  const notify = fixtures.publicKey.fake.buildNotify({ outTradeNo: await paidOrder(fixtures.publicKey), tradeState: 'SUCCESS' });
  const verifier = verifierFor(fixtures.certificate.fake);
  const error = t.throws(() => verifier.verifyNotify({ headers: notify.headers, rawBody: notify.body, now: new Date() }), {
    instanceOf: WechatPaySignatureError,
  });
  t.is(error?.code, 'SIGNATURE_INVALID');
});

test('WeChat Pay notify › createNotifyVerifier › refuses no keys and a public key id without PUB_KEY_ID_', (t) => {
  t.throws(() => createNotifyVerifier({}), { instanceOf: TypeError });
  t.throws(() => createNotifyVerifier({ publicKey: { id: 'ABC', pem: fixtures.publicKey.fake.publicKey!.pem } }), { instanceOf: TypeError });
});

test('WeChat Pay notify › decryptResource › rejects a resource whose ciphertext was altered', async (t) => {
  const fixture = fixtures.certificate;
  const outTradeNo = await paidOrder(fixture);
  const { resource } = JSON.parse(fixture.fake.buildNotify({ outTradeNo, tradeState: 'SUCCESS' }).body);
  t.like(decryptResource(resource, fixture.fake.apiV3Key), { out_trade_no: outTradeNo, trade_state: 'SUCCESS' });
  const bytes = Buffer.from(resource.ciphertext, 'base64');
  bytes[0]! ^= 1;
  t.throws(() => decryptResource({ ...resource, ciphertext: bytes.toString('base64') }, fixture.fake.apiV3Key), { instanceOf: WechatPayDecryptError });
});

test('WeChat Pay notify › over HTTP › a raw-body endpoint answers 204 to a genuine notify and 401 FAIL to a forged one', async (t) => {
  const fixture = fixtures.publicKey;
  const url = await notifyEndpoint(fixture.client, t.teardown.bind(t));
  const outTradeNo = await paidOrder(fixture);
  t.is((await fixture.fake.sendNotify(url, fixture.fake.buildNotify({ outTradeNo, tradeState: 'SUCCESS' }))).status, 204);
  const forged = await fixture.fake.sendNotify(url, fixture.fake.buildNotify({ outTradeNo, tradeState: 'SUCCESS', tamper: 'body' }));
  t.is(forged.status, 401);
  t.is(JSON.parse(forged.body).code, 'FAIL');
});

/** A minimal notify endpoint shaped like the route the lead will write (raw body, 204 / FAIL). */
async function notifyEndpoint(client: PayClient, teardown: (fn: () => Promise<void>) => void): Promise<string> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      client.parseNotify({ headers: req.headers, rawBody: Buffer.concat(chunks), now: new Date() });
      res.writeHead(204).end();
    } catch (error) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'FAIL', message: String(error) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/wechat/pay/notify`;
}
