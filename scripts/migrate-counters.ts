// One-off, idempotent: moves the three counter collections of earlier versions into `counters`
// (models/counter.ts). Run once, before starting this version, while no instance runs:
//   MONGODB_URI=… npx tsx scripts/migrate-counters.ts
// change_counters `{_id: name, version}` → `version:<name>` (never down: $max). queue_counters
// numbered each window group from A001; this version numbers per hall and department prefix
// (GA001 …), which can't collide with them, so they are dropped, as are rate_counters (windows of
// minutes). The old collections go.
import { pathToFileURL } from 'node:url';
import type { Db } from 'mongodb';
import mongoose from 'mongoose';
import { config } from '../server/config.ts';

interface OldCounter {
  _id: string;
  version?: number;
  expiresAt?: Date;
}

/** Moves the old counters of `db` into `counters`; answers what it did. */
export async function migrateCounters(db: Db) {
  const counters = db.collection<{ _id: string; value: number; expiresAt?: Date }>('counters');
  const present = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  const move = async (from: string, prefix: string, valueOf: (c: OldCounter) => number) => {
    if (!present.has(from)) return 0;
    let moved = 0;
    for await (const old of db.collection<OldCounter>(from).find({})) {
      const setOnInsert = old.expiresAt ? { expiresAt: old.expiresAt } : {};
      await counters.updateOne({ _id: `${prefix}:${old._id}` }, { $max: { value: valueOf(old) }, $setOnInsert: setOnInsert }, { upsert: true });
      moved++;
    }
    return moved;
  };
  const versions = await move('change_counters', 'version', (c) => c.version ?? 0);
  const dropped = ['change_counters', 'queue_counters', 'rate_counters'].filter((name) => present.has(name));
  for (const name of dropped) await db.dropCollection(name);
  return { versions, droppedCollections: dropped };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!config.MONGODB_URI) {
    console.error('MONGODB_URI is required');
    process.exit(2);
  }
  const connection = await mongoose.connect(config.MONGODB_URI, { dbName: config.MONGODB_DB });
  console.log(JSON.stringify(await migrateCounters(connection.connection.db!)));
  await mongoose.disconnect();
}
