// The queries a piece of code really sends through mongoose (the connection's operation-start
// events), and their query plans: an index test explains what the service runs, not a copy.
import type { Document } from 'mongodb';
import mongoose from 'mongoose';

export interface CapturedQuery {
  collection: string;
  method: string;
  params: unknown[];
}

/** Runs `run` and returns every collection operation it started. */
export async function captureQueries(run: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const seen: CapturedQuery[] = [];
  const listener = (op: { collectionName: string; method: string; params: unknown[] }) =>
    seen.push({ collection: op.collectionName, method: op.method, params: op.params });
  mongoose.connection.on('operation-start', listener);
  try {
    await run();
  } finally {
    mongoose.connection.off('operation-start', listener);
  }
  return seen;
}

/** The explain command of a captured read or guarded write; null for inserts and the like. */
function explainable({ collection, method, params }: CapturedQuery): Document | null {
  const [first, second] = params as [Document, Document?];
  const options = (params[method === 'find' ? 1 : 2] ?? {}) as Document;
  switch (method) {
    case 'find':
    case 'findOne':
      return {
        find: collection,
        filter: first,
        sort: second?.sort,
        limit: second?.limit,
        skip: second?.skip,
        projection: second?.projection,
        hint: second?.hint,
      };
    case 'countDocuments': // what the driver sends for it
      return { aggregate: collection, pipeline: [{ $match: first }, { $group: { _id: 1, n: { $sum: 1 } } }], cursor: {} };
    case 'findOneAndUpdate':
      return { findAndModify: collection, query: first, update: second, sort: options.sort };
    case 'updateOne':
    case 'updateMany':
      return { update: collection, updates: [{ q: first, u: second, multi: method === 'updateMany' }] };
    case 'deleteMany':
    case 'deleteOne':
      return { delete: collection, deletes: [{ q: first, limit: method === 'deleteOne' ? 1 : 0 }] };
    case 'aggregate':
      return { aggregate: collection, pipeline: first, cursor: {} };
    default:
      return null;
  }
}

/** Each explainable captured query with its explain answer. */
export async function explainCaptured(queries: CapturedQuery[]): Promise<{ query: CapturedQuery; explained: Document }[]> {
  const db = mongoose.connection.db!;
  const plans = [];
  for (const query of queries) {
    const command = explainable(query);
    if (!command) continue;
    for (const key of Object.keys(command)) if (command[key] === undefined) delete command[key];
    plans.push({ query, explained: await db.command({ explain: command, verbosity: 'queryPlanner' }) });
  }
  return plans;
}
