// Guarded state changes without multi-document transactions: a change of a versioned
// document first claims `<entity>:<id>:v<version>`; only the winner writes, so two staff
// clicking at once cannot both succeed, on MongoDB and on FerretDB alike.
import type { Model } from 'mongoose';
import { conflict } from '../../server/errors.ts';
import { tryClaim } from './claim.ts';

const RACE_WINDOW_MS = 24 * 3600_000;

export interface Versioned {
  _id: unknown;
  version?: number | null;
}

/**
 * Applies `update` to the document read as `current` if nobody else changed it first.
 * `update` must not touch `version`; the new version is current + 1. Throws 409
 * CONCURRENT_UPDATE to the loser.
 */
export async function guardedUpdate<T extends Versioned>(
  model: Model<any>,
  entity: string,
  current: T,
  update: Record<string, unknown>,
  now = new Date(),
): Promise<void> {
  const version = current.version ?? 0;
  const key = `${entity}:${String(current._id)}:v${version}`;
  const won = await tryClaim(key, { kind: 'transition', now, expiresAt: new Date(now.getTime() + RACE_WINDOW_MS) });
  if (!won) throw conflict('CONCURRENT_UPDATE', '该记录刚被他人处理，请刷新后重试');
  const $set = { ...((update.$set as Record<string, unknown>) ?? {}), version: version + 1 };
  await model.updateOne({ _id: current._id, version: current.version ?? { $in: [null, 0] } }, { ...update, $set });
}
