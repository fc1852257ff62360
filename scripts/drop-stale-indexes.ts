// Indexes an earlier version built that no model of this version declares (MongoDB keeps an
// index until it is dropped: a stale unique index can refuse writes this version makes, and any
// stale index costs every write). Lists them; with --apply drops them. Run with the API stopped,
// before the first start of a new version (the start builds the declared ones):
//   MONGODB_URI=… npx tsx scripts/drop-stale-indexes.ts [--apply]
// Only collections of this version's models are looked at (GridFS and dropped collections not).
import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import { config } from '../server/config.ts';

export interface StaleIndex {
  collection: string;
  index: string;
}

/** Registers every model of models/ (the server registers only those its modules import). */
async function registerAllModels(): Promise<void> {
  const dir = new URL('../models/', import.meta.url);
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort()) await import(new URL(file, dir).href);
}

/** The indexes in the database that no model declares; dropped when `apply`. */
export async function dropStaleIndexes(options: { apply: boolean }): Promise<StaleIndex[]> {
  await registerAllModels();
  const stale: StaleIndex[] = [];
  for (const model of Object.values(mongoose.models)) {
    const { toDrop } = await model.diffIndexes();
    for (const index of toDrop) {
      stale.push({ collection: model.collection.collectionName, index });
      if (options.apply) await model.collection.dropIndex(index);
    }
  }
  return stale;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!config.MONGODB_URI) {
    console.error('MONGODB_URI is required');
    process.exit(2);
  }
  const apply = process.argv.includes('--apply');
  // autoIndex off: this connection must not build the declared indexes before the old go.
  await mongoose.connect(config.MONGODB_URI, { dbName: config.MONGODB_DB, autoIndex: false });
  console.log(JSON.stringify({ [apply ? 'dropped' : 'stale']: await dropStaleIndexes({ apply }) }));
  if (!apply) console.log('nothing was dropped: run again with --apply');
  await mongoose.disconnect();
}
