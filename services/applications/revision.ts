// Every change of an application goes through here: read it, decide on the change (or
// refuse), then write it as the next revision with an update guarded by the revision read.
// Only one caller can win a revision, so changes are serialised; a loser re-reads and decides
// again (usually answering 409 INVALID_STATE).
import { ApplicationModel } from '../../models/application.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { recordApplicationChange } from './change-feed.ts';
import { findApplication, type ApplicationDoc } from './find.ts';

export interface Change {
  $set?: Record<string, unknown>;
  $push?: Record<string, unknown>;
}

const ATTEMPTS = 8;

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
    const written = await ApplicationModel.updateOne(
      { _id: id, revision },
      { ...change, $set: { ...change.$set, revision: revision + 1 } },
    );
    if (written.modifiedCount === 0) continue;
    await recordApplicationChange(id, now);
    return { before: current, after: (await findApplication(id))! };
  }
  throw conflict('BUSY', '操作过于频繁，请稍后重试');
}
