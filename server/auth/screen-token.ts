// Lobby screens authenticate with a device token. Screens poll every few seconds, so a
// resolved token is remembered briefly instead of read from the database per poll.
import { createHash } from 'node:crypto';
import { ScreenDeviceModel } from '../../models/screen-device.ts';
import { unauthenticated } from '../errors.ts';
import type { ScreenPrincipal } from './principal.ts';

const CACHE_MS = 30_000;
const cache = new Map<string, { principal: ScreenPrincipal | null; until: number }>();

/** SHA-256 hex of a device token, as stored. */
export const hashScreenToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function resolveScreenToken(token: string, now = Date.now()): Promise<ScreenPrincipal> {
  if (token.length > 200) throw unauthenticated('大屏设备令牌无效');
  const tokenHash = hashScreenToken(token);
  let entry = cache.get(tokenHash);
  if (!entry || entry.until < now) {
    const device = await ScreenDeviceModel.findOne({ tokenHash, active: true }).lean();
    const principal: ScreenPrincipal | null = device ? { kind: 'screen', id: device._id, hallCode: device.hallCode, speech: device.speech !== false } : null;
    entry = { principal, until: now + CACHE_MS };
    if (cache.size > 10_000) cache.clear();
    cache.set(tokenHash, entry);
  }
  if (!entry.principal) throw unauthenticated('大屏设备令牌无效');
  return entry.principal;
}

/** Forgets cached tokens (after an admin changes or disables a device). */
export function clearScreenTokenCache(): void {
  cache.clear();
}
