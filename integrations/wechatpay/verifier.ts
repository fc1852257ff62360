// Checks WeChat Pay's signature on notifies and on API responses. The key is chosen by the
// Wechatpay-Serial header: a `PUB_KEY_ID_…` serial names the WeChat Pay public key (the only
// mode new merchants get), anything else names a platform certificate. Both may be configured
// at once while a merchant switches over.
import { X509Certificate, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { WechatPaySignatureError } from './errors.ts';

export interface NotifyVerifierOptions {
  platformCerts?: Array<{ serial: string; pem: string }>;
  publicKey?: { id: string; pem: string };
}

export type HeaderBag = Record<string, string | string[] | undefined>;

export interface SignedMessage {
  headers: HeaderBag;
  rawBody: Buffer | string;
  now: Date;
}

export interface NotifyVerifier {
  /** Throws WechatPaySignatureError unless the message is signed by WeChat Pay, within 5 minutes of `now`. */
  verifyNotify(message: SignedMessage): void;
  /** The public key id to send as Wechatpay-Serial on requests, so answers come signed with it. */
  readonly publicKeyId: string | undefined;
}

const PUBLIC_KEY_PREFIX = 'PUB_KEY_ID_';
const MAX_SKEW_MS = 5 * 60 * 1000;

/** Builds a verifier from the platform certificates and/or the WeChat Pay public key. */
export function createNotifyVerifier(options: NotifyVerifierOptions): NotifyVerifier {
  const keys = new Map<string, KeyObject>();
  for (const cert of options.platformCerts ?? []) {
    keys.set(cert.serial.toUpperCase(), new X509Certificate(cert.pem).publicKey);
  }
  if (options.publicKey) {
    if (!options.publicKey.id.startsWith(PUBLIC_KEY_PREFIX)) {
      throw new TypeError(`a WeChat Pay public key id starts with ${PUBLIC_KEY_PREFIX}`);
    }
    keys.set(options.publicKey.id, createPublicKey(options.publicKey.pem));
  }
  if (keys.size === 0) throw new TypeError('createNotifyVerifier needs platformCerts or publicKey');

  const keyFor = (serial: string) => (serial.startsWith(PUBLIC_KEY_PREFIX) ? keys.get(serial) : keys.get(serial.toUpperCase()));

  return {
    publicKeyId: options.publicKey?.id,
    verifyNotify({ headers, rawBody, now }) {
      const signature = header(headers, 'wechatpay-signature');
      const timestamp = header(headers, 'wechatpay-timestamp');
      const nonce = header(headers, 'wechatpay-nonce');
      const serial = header(headers, 'wechatpay-serial');
      if (!signature || !timestamp || !nonce || !serial) fail('SIGNATURE_INVALID', 'missing Wechatpay-* headers');
      if (!/^\d{1,12}$/.test(timestamp)) fail('SIGNATURE_INVALID', 'malformed Wechatpay-Timestamp');
      const key = keyFor(serial);
      if (!key) fail('SIGNATURE_INVALID', `unknown Wechatpay-Serial ${serial}`);
      const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
      const signed = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), body, Buffer.from('\n')]);
      if (!verify('RSA-SHA256', signed, key, Buffer.from(signature, 'base64'))) {
        fail('SIGNATURE_INVALID', 'Wechatpay-Signature does not match');
      }
      // The signature first: a forged message is SIGNATURE_INVALID whatever its timestamp says.
      if (Math.abs(now.getTime() - Number(timestamp) * 1000) > MAX_SKEW_MS) {
        fail('TIMESTAMP_EXPIRED', 'Wechatpay-Timestamp is more than 5 minutes away');
      }
    },
  };
}

/** A platform certificate with the serial WeChat Pay puts in Wechatpay-Serial (upper-case hex). */
export function platformCertFromPem(pem: string): { serial: string; pem: string } {
  return { serial: new X509Certificate(pem).serialNumber.toUpperCase(), pem };
}

function header(headers: HeaderBag, name: string): string | undefined {
  const direct = headers[name];
  const value = direct ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value[0] : value;
}

function fail(code: 'SIGNATURE_INVALID' | 'TIMESTAMP_EXPIRED', message: string): never {
  throw new WechatPaySignatureError(code, message);
}
