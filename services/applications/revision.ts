// Every change of an application goes through here: read it, decide on the change (or
// refuse), claim the revision read with a unique insert, then write it as the next revision.
// Only one caller can claim a revision, so changes are serialised on MongoDB and FerretDB
// alike; a loser re-reads and decides again (usually answering 409 INVALID_STATE).
import { ApplicationModel } from '../../models/application.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { claimOnce, claimedAt, releaseClaim } from '../claims/claim.ts';
import { recordApplicationChange } from './change-feed.ts';
import { findApplication, type ApplicationDoc } from './find.ts';

export interface Change {
  $set?: Record<string, unknown>;
  $push?: Record<string, unknown>;
}

const ATTEMPTS = 8;
/** A claim older than this whose change never landed belongs to a crashed process. */
const STALE_CLAIM_MS = 30_000;

const claimKey = (id: string, revision: number) => `application:${id}:${revision}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies `decide(current)` as the next revision; `decide` throws to refuse. */
export async function changeApplication(
  id: string,
  decide: (current: ApplicationDoc) => Change | Promise<Change>,
  now = new Date(),
): Promise<{ before: ApplicationDoc; after: ApplicationDoc }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await findApplication(id);
    if (!current) throw notFound('申请');
    const change = await decide(current);
    const revision = current.revision ?? 0;
    const key = claimKey(id, revision);
    if (!(await claimOnce(key, now))) {
      await dropIfStale(key);
      await pause(10 * (attempt + 1)); // the winner's write is on its way
      continue;
    }
    const written = await ApplicationModel.updateOne(
      { _id: id, revision },
      { ...change, $set: { ...change.$set, revision: revision + 1 } },
    );
    if (written.modifiedCount === 0) {
      await releaseClaim(key);
      continue;
    }
    await recordApplicationChange(id, now);
    return { before: current, after: (await findApplication(id))! };
  }
  throw conflict('BUSY', '操作过于频繁，请稍后重试');
}

async function dropIfStale(key: string): Promise<void> {
  const at = await claimedAt(key);
  if (at && Date.now() - at.getTime() > STALE_CLAIM_MS) await releaseClaim(key);
}
