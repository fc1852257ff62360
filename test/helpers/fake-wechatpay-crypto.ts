// The cryptography of the fake WeChat Pay server: its own signing identity (a platform
// certificate or a WeChat Pay public key), the check of the merchant's Authorization header as
// the real server does it, signed answers, and encrypted notify resources.
import { createCipheriv, createPublicKey, createSign, randomBytes, randomInt, verify } from 'node:crypto';
import { generateRsaKeyPair, selfSignedCertificate } from './merchant-keys.ts';

export type FakeMode = 'certificate' | 'publicKey';

export interface PlatformIdentity {
  privateKeyPem: string;
  /** What goes out as Wechatpay-Serial. */
  serial: string;
  platformCert?: { serial: string; pem: string };
  publicKey?: { id: string; pem: string };
}

/** A new signing identity for the fake server. */
export async function createPlatformIdentity(mode: FakeMode): Promise<PlatformIdentity> {
  const keys = generateRsaKeyPair();
  if (mode === 'publicKey') {
    const id = `PUB_KEY_ID_${String(randomInt(1e9, 1e10 - 1))}${String(randomInt(1e9, 1e10 - 1))}`;
    return { privateKeyPem: keys.privateKeyPem, serial: id, publicKey: { id, pem: keys.publicKeyPem } };
  }
  const cert = await selfSignedCertificate(keys, 'Tenpay.com Root CA (fake)');
  return {
    privateKeyPem: keys.privateKeyPem,
    serial: cert.serial,
    platformCert: { serial: cert.serial, pem: cert.certPem },
  };
}

/** base64 SHA256-RSA over the lines, each followed by \n, as WeChat Pay signs everything. */
export function signLines(privateKeyPem: string, lines: string[]): string {
  return createSign('RSA-SHA256').update(lines.map((line) => `${line}\n`).join('')).sign(privateKeyPem, 'base64');
}

/** The Wechatpay-* headers of a message signed at `at`. */
export function signedHeaders(identity: PlatformIdentity, body: string, at: Date): Record<string, string> {
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

export interface AuthorizationCheck {
  header: string | undefined;
  method: string;
  pathWithQuery: string;
  body: string;
  mchId: string;
  merchantSerial: string;
  merchantPublicKeyPem: string;
  now: Date;
}

/** null when the merchant's Authorization is valid, otherwise why it is not (answered 401 SIGN_ERROR). */
export function authorizationProblem(check: AuthorizationCheck): string | null {
  const match = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(check.header ?? '');
  if (!match) return 'Authorization 缺失或认证类型错误';
  const fields = Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial } = fields;
  if (!mchid || !nonce || !signature || !timestamp || !serial) return 'Authorization 参数不完整';
  if (mchid !== check.mchId) return '商户号与签名不匹配';
  if (serial.toUpperCase() !== check.merchantSerial.toUpperCase()) return '商户证书序列号错误';
  if (Math.abs(check.now.getTime() - Number(timestamp) * 1000) > 5 * 60 * 1000) return '请求时间戳已过期';
  const message = [check.method, check.pathWithQuery, timestamp, nonce, check.body].map((l) => `${l}\n`).join('');
  const key = createPublicKey(check.merchantPublicKeyPem);
  const valid = verify('RSA-SHA256', Buffer.from(message), key, Buffer.from(signature, 'base64'));
  return valid ? null : '签名错误';
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
