// The only code in OneTrip that talks to WeChat Pay API v3.
export { createPayClient, toRfc3339China } from './client.ts';
export type { PayClient, PayClientOptions, JsapiOrderInput, RequestPaymentParams, OrderState, RefundInput, RefundState } from './client.ts';
export { createNotifyVerifier, platformCertFromPem } from './verifier.ts';
export type { NotifyVerifier, NotifyVerifierOptions, SignedMessage, HeaderBag } from './verifier.ts';
export { parseNotify, readTransaction, readRefund } from './notify.ts';
export type { ParsedNotify, NotifiedTransaction, NotifiedRefund } from './notify.ts';
export { decryptResource } from './resource.ts';
export type { EncryptedResource } from './resource.ts';
export { newOutTradeNo, isValidOutTradeNo, assertOutTradeNo } from './out-trade-no.ts';
export { WechatPayError, WechatPayUnavailableError, WechatPaySignatureError, WechatPayDecryptError } from './errors.ts';
export type { SignatureFailure } from './errors.ts';
export { createSandboxPay, SANDBOX_MCH_ID } from './sandbox/index.ts';
export type { SandboxPay } from './sandbox/index.ts';
export type { SignedNotify } from './sandbox/signing.ts';
