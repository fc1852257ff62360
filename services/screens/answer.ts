// A poll's answer: the hall's cached snapshot plus the polling device's own settings. The hall
// part is shared by every device of the hall; the device part is appended to its bytes, and
// the ETag covers both, so a changed setting reaches a screen even while the hall is unchanged.
// Each answer is made once per snapshot version and device, not per poll.
import type { ScreenPrincipal } from '../../server/auth/principal.ts';
import type { CachedSnapshot } from './cache.ts';
import { etagOf } from './publish.ts';

export interface ScreenSettings {
  code: string;
  speech: boolean;
}

/** Answers made from each cached snapshot, per device setting; dropped with the snapshot. */
const made = new WeakMap<CachedSnapshot, Map<string, CachedSnapshot>>();

/** The snapshot of `cached` with `screen: {code, speech}` of `device` as its last field. */
export function screenAnswer(cached: CachedSnapshot, device: ScreenPrincipal): CachedSnapshot {
  const settings: ScreenSettings = { code: device.id, speech: device.speech };
  const tail = JSON.stringify(settings);
  let answers = made.get(cached);
  if (!answers) made.set(cached, (answers = new Map()));
  let answer = answers.get(tail);
  if (!answer) {
    // The stored body is one JSON object: its closing brace makes room for one more field.
    const body = Buffer.concat([cached.body.subarray(0, cached.body.length - 1), Buffer.from(`,"screen":${tail}}`, 'utf8')]);
    answer = { body, etag: etagOf(`${cached.etag}${tail}`) };
    answers.set(tail, answer);
  }
  return answer;
}
