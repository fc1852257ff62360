// Builds the WeChat Pay client from configuration, lazily (tests set config first) and again
// whenever the relevant settings change. Payments are off without WECHATPAY_MCHID, unless the
// sandbox plays WeChat Pay (WECHAT_SANDBOX): then the client is the sandbox's, made at first use.
import { readFileSync } from 'node:fs';
import {
  createNotifyVerifier,
  createPayClient,
  createSandboxPay,
  platformCertFromPem,
  type NotifyVerifierOptions,
  type PayClient,
  type SandboxPay,
} from '../../integrations/wechatpay/index.ts';
import { config, paymentsEnabled, paymentsSandboxed } from '../../server/config.ts';
import { AppError } from '../../server/errors.ts';
import { logger } from '../../server/logger.ts';

let cached: { key: string; client: PayClient } | undefined;
let sandbox: SandboxPay | undefined;
// Orders must name a notify URL; the sandbox hands its notifies over in-process instead.
const SANDBOX_NOTIFY_URL = `http://127.0.0.1:${config.PORT}/api/v1/wechat/pay/notify`;

const SETTINGS = [
  'WECHATPAY_MCHID',
  'WECHAT_APPID',
  'WECHATPAY_SERIAL',
  'WECHATPAY_PRIVATE_KEY_PATH',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PLATFORM_CERT_PATH',
  'WECHATPAY_PUBLIC_KEY_PATH',
  'WECHATPAY_PUBLIC_KEY_ID',
  'WECHATPAY_API_BASE',
  'WECHATPAY_NOTIFY_URL',
] as const;

/** 503 PAYMENTS_DISABLED: this deployment has no merchant configured. */
export const paymentsDisabled = () => new AppError(503, 'PAYMENTS_DISABLED', '本中心暂未开通在线缴费');

/** The configured client; throws PAYMENTS_DISABLED when payments are off. */
export function payClient(): PayClient {
  if (!paymentsEnabled(config)) throw paymentsDisabled();
  if (paymentsSandboxed(config)) return sandboxPay().client;
  const key = JSON.stringify(SETTINGS.map((name) => config[name]));
  if (cached?.key !== key) cached = { key, client: buildClient() };
  return cached.client;
}

/** The merchant id the notifies must name. */
export function merchantId(): string {
  return paymentsSandboxed(config) ? sandboxPay().mchId : config.WECHATPAY_MCHID;
}

/** The sandbox's WeChat Pay (its keys and orders live as long as the process). */
export function sandboxPay(): SandboxPay {
  if (!sandbox) {
    sandbox = createSandboxPay({ appId: config.WECHAT_APPID, notifyUrl: config.WECHATPAY_NOTIFY_URL || SANDBOX_NOTIFY_URL });
    logger.info({ mchId: sandbox.mchId }, 'WeChat Pay sandbox: keys made in memory; pay with POST /api/v1/applications/:id/payments/sandbox-confirm');
  }
  return sandbox;
}

function buildClient(): PayClient {
  const verifier: NotifyVerifierOptions = {};
  if (config.WECHATPAY_PLATFORM_CERT_PATH) {
    verifier.platformCerts = [platformCertFromPem(readFileSync(config.WECHATPAY_PLATFORM_CERT_PATH, 'utf8'))];
  }
  if (config.WECHATPAY_PUBLIC_KEY_PATH && config.WECHATPAY_PUBLIC_KEY_ID) {
    verifier.publicKey = { id: config.WECHATPAY_PUBLIC_KEY_ID, pem: readFileSync(config.WECHATPAY_PUBLIC_KEY_PATH, 'utf8') };
  }
  return createPayClient({
    mchId: config.WECHATPAY_MCHID,
    appId: config.WECHAT_APPID,
    serial: config.WECHATPAY_SERIAL,
    privateKey: readFileSync(config.WECHATPAY_PRIVATE_KEY_PATH, 'utf8'),
    apiV3Key: config.WECHATPAY_APIV3_KEY,
    apiBase: config.WECHATPAY_API_BASE,
    notifyUrl: config.WECHATPAY_NOTIFY_URL,
    verifier: createNotifyVerifier(verifier),
  });
}
