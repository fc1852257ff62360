// Personal data at rest: AES-256-GCM with PII_KEY, a key id in front so keys can be rotated
// (PII_KEY_PREVIOUS still decrypts), and an HMAC-SHA256 keyed hash for exact-match lookups.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { config } from '../../server/config.ts';

const keyOf = (base64: string) => Buffer.from(base64, 'base64');
/** Short fingerprint of a key, stored with each ciphertext to find the key again. */
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

let derived: { from: string; keys: Map<string, Buffer> } | undefined;
/** The keys by id, derived again only when the configured keys change (a bulk read decrypts per row). */
function keys(): Map<string, Buffer> {
  const from = `${config.PII_KEY} ${config.PII_KEY_PREVIOUS ?? ''}`;
  if (derived?.from !== from) {
    const all = [config.PII_KEY, config.PII_KEY_PREVIOUS].filter(Boolean).map(keyOf);
    derived = { from, keys: new Map(all.map((key) => [keyId(key), key])) };
  }
  return derived.keys;
}

/** Encrypts a string as `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). */
export function encryptPii(plain: string): string {
  const key = keyOf(config.PII_KEY);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', keyId(key), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Decrypts what encryptPii wrote, with the current or the previous key. */
export function decryptPii(sealed: string): string {
  const [version, id, iv, tag, body] = sealed.split('.');
  const key = id ? keys().get(id) : undefined;
  if (version !== 'v1' || !key || !iv || !tag || body === undefined) throw new Error('unreadable PII ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** True when `value` has encryptPii's form (a clear value never does: it has no key id). */
export function isSealed(value: string): boolean {
  return value.startsWith('v1.') && value.split('.').length === 5;
}

/** True when `sealed` was written with a key other than the current one. */
export function needsReencryption(sealed: string): boolean {
  return sealed.split('.')[1] !== keyId(keyOf(config.PII_KEY));
}

/** Keyed hash for lookups (same input → same hash; useless without the key). */
export function hashPii(plain: string): string {
  return createHmac('sha256', keyOf(config.PII_KEY)).update(`pii:${plain}`).digest('hex');
}
