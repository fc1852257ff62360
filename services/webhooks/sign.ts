// Webhook signatures: HMAC-SHA256 with the endpoint's secret over `timestamp + "." + body`,
// sent as `X-OneTrip-Signature: t=<unix seconds>,v1=<hex>` (the Stripe layout receivers know).
// The timestamp is inside the signed text, so a captured delivery cannot be replayed later
// with a fresh timestamp; receivers refuse timestamps too far from their clock.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-OneTrip-Signature';
export const EVENT_ID_HEADER = 'X-OneTrip-Event-Id';
export const EVENT_TYPE_HEADER = 'X-OneTrip-Event';
/** How far a receiver should accept a timestamp from its own clock. */
export const TOLERANCE_SECONDS = 300;

/** A new signing secret (shown to the admin once). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** The hex HMAC of one delivery. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header's value for `body` sent at `at`. */
export function signatureHeader(secret: string, at: Date, body: string): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/** What a receiver does: true when `header` signs `body` with `secret` and its time is within tolerance of `now`. */
export function verifySignature(secret: string, header: string, body: string, now = new Date()): boolean {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, body), 'hex');
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
