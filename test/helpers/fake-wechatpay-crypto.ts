// The cryptography only the tests' fake WeChat Pay server needs: a platform-certificate identity
// (selfsigned is a devDependency) and the check of the merchant's Authorization header as the
// real server does it. WeChat Pay's signing and encryption are production code, shared with the
// sandbox (integrations/wechatpay/sandbox/signing.ts).
import { createPublicKey, verify } from 'node:crypto';
import { createPublicKeyIdentity, generateRsaKeyPair, type SigningIdentity } from '../../integrations/wechatpay/sandbox/signing.ts';
import { selfSignedCertificate } from './merchant-keys.ts';

export type FakeMode = 'certificate' | 'publicKey';

/** A new signing identity for the fake server. */
export async function createPlatformIdentity(mode: FakeMode): Promise<SigningIdentity> {
  const keys = generateRsaKeyPair();
  if (mode === 'publicKey') return createPublicKeyIdentity(keys);
  const cert = await selfSignedCertificate(keys, 'Tenpay.com Root CA (fake)');
  return {
    privateKeyPem: keys.privateKeyPem,
    serial: cert.serial,
    platformCert: { serial: cert.serial, pem: cert.certPem },
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
