// The webhook signature is pure: checked against a value computed independently.
import test from 'ava';
import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from '../../services/webhooks/sign.ts';

const SECRET = 'whsec_test';
const AT = new Date('2026-03-02T01:02:03.456Z');
const BODY = '{"id":"evt_1","type":"evaluation.created"}';

test('signature › is HMAC-SHA256 over "timestamp.body" in the t=…,v1=… layout', (t) => {
  const expected = createHmac('sha256', SECRET).update(`1772413323.${BODY}`).digest('hex');
  t.is(signatureHeader(SECRET, AT, BODY), `t=1772413323,v1=${expected}`);
});

test('verify › accepts the right secret within 5 minutes, refuses anything else', (t) => {
  const header = signatureHeader(SECRET, AT, BODY);
  t.true(verifySignature(SECRET, header, BODY, new Date(AT.getTime() + 299_000)));
  t.false(verifySignature(SECRET, header, BODY, new Date(AT.getTime() + 301_000)), 'too old');
  t.false(verifySignature('whsec_other', header, BODY, AT));
  t.false(verifySignature(SECRET, header, `${BODY}\n`, AT));
  t.false(verifySignature(SECRET, header.replace(/t=\d+/, 't=1772413324'), BODY, AT), 'the timestamp is signed');
  for (const broken of ['', 't=abc,v1=00', 'v1=00', `t=1772413323,v1=${'0'.repeat(63)}`]) t.false(verifySignature(SECRET, broken, BODY, AT), broken);
});
