// Merchant order and refund numbers as WeChat Pay accepts them: 6–32 characters of
// [0-9A-Za-z_-|*], unique per merchant.
import { randomBytes } from 'node:crypto';

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;

/** True when `value` is a well-formed out_trade_no / out_refund_no. */
export function isValidOutTradeNo(value: string): boolean {
  return OUT_TRADE_NO.test(value);
}

/** Throws a TypeError unless `value` is a well-formed out_trade_no / out_refund_no. */
export function assertOutTradeNo(value: string): void {
  if (!isValidOutTradeNo(value)) throw new TypeError(`invalid out_trade_no: ${JSON.stringify(value)}`);
}

/**
 * A fresh number: prefix + UTC time to the second + 8 random hex characters, so numbers sort by
 * creation and two instances never collide in practice. The prefix (letters, digits, _ -) must
 * leave room: at most 10 characters.
 */
export function newOutTradeNo(prefix: string, now = new Date()): string {
  if (!/^[0-9A-Za-z_-]{0,10}$/.test(prefix)) throw new TypeError(`invalid out_trade_no prefix: ${prefix}`);
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const value = `${prefix}${stamp}${randomBytes(4).toString('hex')}`;
  assertOutTradeNo(value);
  return value;
}
