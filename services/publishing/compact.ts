// Deletes published versions superseded by a newer one (and consumed tombstones). Run at night
// by the retention job, not in the minute tick: on FerretDB each deleted document costs a
// scan of the collection.
import type { Types } from 'mongoose';
import { PublishedCaseModel, PublishStateModel } from '../../models/published-case.ts';
import type { Ledger } from './ledger.ts';

/** Deletes every version that is not a case's latest; returns how many. */
export async function compactPublishedVersions(ledger: Ledger): Promise<number> {
  const state = await PublishStateModel.findById('progress', { stamp: 1 }).lean();
  await ledger.sync(state?.stamp ?? 0);
  if (!state) return 0;
  const current = new Set([...ledger.rows()].map((row) => String(row.versionId)));
  const stamp = ledger.stamp();
  let removed = 0;
  let stale: Types.ObjectId[] = [];
  for await (const version of PublishedCaseModel.find({ stamp: { $lte: stamp } }, { _id: 1 }).lean().cursor({ batchSize: 5000 })) {
    if (current.has(String(version._id))) continue;
    stale.push(version._id);
    if (stale.length === 1000) {
      removed += (await PublishedCaseModel.deleteMany({ _id: { $in: stale } })).deletedCount;
      stale = [];
    }
  }
  if (stale.length > 0) removed += (await PublishedCaseModel.deleteMany({ _id: { $in: stale } })).deletedCount;
  return removed;
}
