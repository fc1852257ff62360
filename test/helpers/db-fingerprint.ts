// A fingerprint of the stored data: each collection's document count and a hash of its
// documents in _id order. Two equal fingerprints mean nothing was written in between.
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';

/** Bookkeeping a refused request may legitimately write: job locks and runs, and rate-limit counters (below). */
const NOT_DATA = new Set(['job_locks', 'job_runs']);
/** Per collection, which of its documents are data (rate-limit windows in counters are not). */
const DATA_DOCS: Record<string, object> = { counters: { _id: { $not: /^rate:/ } } };

export type Fingerprint = Record<string, { count: number; hash: string }>;

export async function fingerprintDatabase(): Promise<Fingerprint> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => !NOT_DATA.has(n))
    .sort();
  const entries = await Promise.all(
    names.map(async (name) => {
      const docs = await db
        .collection(name)
        .find(DATA_DOCS[name] ?? {})
        .sort({ _id: 1 })
        .toArray();
      const hash = createHash('sha256').update(JSON.stringify(docs)).digest('hex').slice(0, 16);
      return [name, { count: docs.length, hash }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The collections whose count or hash differ, for a readable failure. */
export function changedCollections(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => JSON.stringify(before[n] ?? null) !== JSON.stringify(after[n] ?? null)).sort();
}
