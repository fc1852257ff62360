// WeChat Pay's side of the cryptography, for the sandbox (and the tests' fake server): a signing
// identity in 微信支付公钥 mode, the Wechatpay-* headers it puts on answers and notifies, and the
// AEAD_AES_256_GCM resource of a notify under the APIv3 key. The merchant side is in ../.
import { createCipheriv, createSign, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { toRfc3339China } from '../client.ts';

export interface RsaKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Who signs as WeChat Pay: a private key and the serial sent as Wechatpay-Serial. */
export interface SigningIdentity {
  privateKeyPem: string;
  /** What goes out as Wechatpay-Serial. */
  serial: string;
  platformCert?: { serial: string; pem: string };
  publicKey?: { id: string; pem: string };
}

/** A fresh 2048-bit RSA key pair in PEM (PKCS#8 private, SPKI public). */
export function generateRsaKeyPair(): RsaKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** A new WeChat Pay public key (PUB_KEY_ID_ + 20 digits, as the merchant portal shows it). */
export function createPublicKeyIdentity(keys: RsaKeyPair = generateRsaKeyPair()): SigningIdentity {
  const id = `PUB_KEY_ID_${String(randomInt(1e9, 1e10 - 1))}${String(randomInt(1e9, 1e10 - 1))}`;
  return { privateKeyPem: keys.privateKeyPem, serial: id, publicKey: { id, pem: keys.publicKeyPem } };
}

/** base64 SHA256-RSA over the lines, each followed by \n, as WeChat Pay signs everything. */
export function signLines(privateKeyPem: string, lines: string[]): string {
  return createSign('RSA-SHA256')
    .update(lines.map((line) => `${line}\n`).join(''))
    .sign(privateKeyPem, 'base64');
}

/** The Wechatpay-* headers of a message signed at `at`. */
export function signedHeaders(identity: SigningIdentity, body: string, at: Date): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000).toString();
  const nonce = randomBytes(16).toString('hex');
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': identity.serial,
    'Wechatpay-Signature': signLines(identity.privateKeyPem, [timestamp, nonce, body]),
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** An AEAD_AES_256_GCM resource as WeChat Pay puts it in notifies. */
export function encryptResource(plain: object, apiV3Key: string, originalType: string) {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(originalType));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: originalType,
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.toString('base64'),
    associated_data: originalType,
    nonce,
  };
}

/** A random 32-character APIv3 key. */
export function randomApiV3Key(): string {
  return randomBytes(24).toString('base64').replace(/[+/]/g, 'x').slice(0, 32);
}

/** A notify as WeChat Pay posts it: the exact body and the headers that sign it. */
export interface SignedNotify {
  headers: Record<string, string>;
  body: string;
}

export interface NotifyContent {
  /** TRANSACTION.SUCCESS, REFUND.SUCCESS … */
  eventType: string;
  summary: string;
  /** transaction or refund: the resource's original_type and associated data. */
  originalType: string;
  resource: object;
  signedAt: Date;
  /** Lay the JSON out with line breaks and indentation (still signed correctly), as a server may. */
  spaced?: boolean;
}

/** A notify whose resource is encrypted under `apiV3Key` and whose body `identity` signs. */
export function buildSignedNotify(identity: SigningIdentity, apiV3Key: string, content: NotifyContent): SignedNotify {
  const body = JSON.stringify(
    {
      id: `EV-${randomBytes(10).toString('hex')}`,
      create_time: toRfc3339China(content.signedAt),
      resource_type: 'encrypt-resource',
      event_type: content.eventType,
      summary: content.summary,
      resource: encryptResource(content.resource, apiV3Key, content.originalType),
    },
    null,
    content.spaced ? 2 : undefined,
  );
  return { headers: { 'Content-Type': 'application/json', ...signedHeaders(identity, body, content.signedAt) }, body };
}
