// A poll's answer: the hall's cached snapshot plus the polling device's own settings. The hall
// part is shared by every device of the hall; the device part is appended to its bytes, and
// the ETag covers both, so a changed setting reaches a screen even while the hall is unchanged.
import type { ScreenPrincipal } from '../../server/auth/principal.ts';
import type { CachedSnapshot } from './cache.ts';
import { etagOf } from './publish.ts';

export interface ScreenSettings {
  code: string;
  speech: boolean;
}

/** The snapshot of `cached` with `screen: {code, speech}` of `device` as its last field. */
export function screenAnswer(cached: CachedSnapshot, device: ScreenPrincipal): CachedSnapshot {
  const settings: ScreenSettings = { code: device.id, speech: device.speech };
  const tail = JSON.stringify(settings);
  // The stored body is one JSON object: its closing brace makes room for one more field.
  const body = Buffer.concat([cached.body.subarray(0, cached.body.length - 1), Buffer.from(`,"screen":${tail}}`, 'utf8')]);
  return { body, etag: etagOf(`${cached.etag}${tail}`) };
}
