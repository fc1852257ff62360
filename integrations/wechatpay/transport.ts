// Signed HTTP to WeChat Pay API v3. wechatpay-node-v3 builds the merchant signature and the
// Authorization header; we send the request ourselves because the library hardcodes
// https://api.mch.weixin.qq.com, answers HTTP errors as values, never checks the signature of
// responses and cannot verify with the WeChat Pay public key.
import { createPublicKey, randomBytes } from 'node:crypto';
import Pay from 'wechatpay-node-v3';
import { WechatPayError, WechatPayUnavailableError } from './errors.ts';
import type { NotifyVerifier } from './verifier.ts';

export interface TransportOptions {
  mchId: string;
  appId: string;
  /** Serial number of the merchant API certificate (商户API证书序列号). */
  serial: string;
  /** The merchant API private key (apiclient_key.pem), PEM. */
  privateKey: string;
  /** https://api.mch.weixin.qq.com in production; the fake server's base URL in tests. */
  apiBase: string;
  verifier: NotifyVerifier;
  timeoutMs?: number;
}

export interface SignedResponse {
  status: number;
  /** The parsed JSON body; undefined for 204. */
  data: unknown;
}

export type SignedRequest = (method: 'GET' | 'POST', path: string, body?: object) => Promise<SignedResponse>;

/** Returns a function that sends one signed request and checks the signed answer. */
export function createTransport(options: TransportOptions): SignedRequest {
  const signer = new Pay({
    appid: options.appId,
    mchid: options.mchId,
    serial_no: options.serial,
    // The library insists on a "publicKey" but only reads it to derive the serial, which we give.
    publicKey: Buffer.from(merchantPublicKeyPem(options.privateKey)),
    privateKey: Buffer.from(options.privateKey),
  });
  const timeoutMs = options.timeoutMs ?? 10_000;
  // The signature covers the request path, so the base must be an origin with no path of its own.
  if (new URL(options.apiBase).pathname !== '/') throw new TypeError('apiBase must be an origin, e.g. https://api.mch.weixin.qq.com');

  return async (method, path, body) => {
    // The library signs an empty POST body without its line; every POST we make has a JSON body.
    if (method === 'POST' && body === undefined) throw new TypeError('a WeChat Pay POST needs a JSON body');
    const url = new URL(path, options.apiBase);
    const bodyText = body === undefined ? '' : JSON.stringify(body);
    const nonce = randomBytes(16).toString('hex');
    const timestamp = Math.floor(Date.now() / 1000).toString();
    const signature = signer.getSignature(method, nonce, timestamp, url.pathname + url.search, bodyText);
    const headers: Record<string, string> = {
      Authorization: signer.getAuthorization(nonce, timestamp, signature),
      Accept: 'application/json',
      'User-Agent': 'OneTrip',
    };
    if (bodyText) headers['Content-Type'] = 'application/json';
    // With a public key configured, ask WeChat Pay to sign the answer with it (gray switch-over).
    if (options.verifier.publicKeyId) headers['Wechatpay-Serial'] = options.verifier.publicKeyId;

    let response: Response;
    let raw: string;
    try {
      response = await fetch(url, { method, headers, body: bodyText || undefined, signal: AbortSignal.timeout(timeoutMs) });
      raw = await response.text();
    } catch (error) {
      throw new WechatPayUnavailableError(`WeChat Pay ${method} ${url.pathname} failed`, { cause: error });
    }
    if (!response.ok) throw toWechatPayError(response.status, raw);
    options.verifier.verifyNotify({ headers: Object.fromEntries(response.headers), rawBody: raw, now: new Date() });
    try {
      return { status: response.status, data: raw ? JSON.parse(raw) : undefined };
    } catch {
      throw new WechatPayError(response.status, 'INVALID_RESPONSE', 'WeChat Pay answered a body that is not JSON');
    }
  };
}

/** The error of a non-2xx answer: WeChat's own code and message when the body carries them. */
export function toWechatPayError(status: number, raw: string): WechatPayError {
  try {
    const parsed = JSON.parse(raw) as { code?: string; message?: string; detail?: unknown };
    return new WechatPayError(status, parsed.code ?? `HTTP_${status}`, parsed.message ?? raw, parsed.detail);
  } catch {
    return new WechatPayError(status, `HTTP_${status}`, raw.slice(0, 200));
  }
}

function merchantPublicKeyPem(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
}
