// What connecting leaves in a fresh database: every model's collection and declared indexes,
// made in order by syncIndexes (mongoose's own background create and index build are off).
import test from 'ava';
import mongoose from 'mongoose';
import '../../server/app.ts'; // registers every model the routes use
import { syncIndexes } from '../../server/db.ts';
import { connectTestDatabase } from '../helpers/app.ts';

test.before(async () => {
  await connectTestDatabase();
});
test.after.always(async () => {
  await mongoose.connection.dropDatabase().catch(() => {});
  await mongoose.disconnect();
});

const collectionNames = async () => (await mongoose.connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
const modelCollections = () => [...new Set(Object.values(mongoose.models).map((model) => model.collection.collectionName))].sort();

test.serial('connectDatabase › a fresh database › has every model’s collection and every declared index', async (t) => {
  t.true(modelCollections().length >= 20, `models registered: ${modelCollections().length}`);
  const present = new Set(await collectionNames());
  t.deepEqual(
    modelCollections().filter((name) => !present.has(name)),
    [],
  );
  for (const model of Object.values(mongoose.models)) {
    const { toCreate } = await model.diffIndexes();
    t.deepEqual(toCreate, [], `${model.modelName}: indexes missing`);
  }
});

test.serial('connectDatabase › collections first written outside a mongoose model › exist before the first write, with their indexes', async (t) => {
  // The GridFS bucket's (the driver writes them) and the shared WeChat token's: created by a
  // write instead, they would race another instance's create (server/db.ts says why).
  const present = new Set(await collectionNames());
  for (const name of ['materials.files', 'materials.chunks', 'wechat_tokens']) t.true(present.has(name), `${name} missing`);
  const keys = async (name: string) => (await mongoose.connection.db!.collection(name).indexes()).map((index) => JSON.stringify(index.key));
  t.true((await keys('materials.files')).includes(JSON.stringify({ filename: 1, uploadDate: 1 })));
  const chunks = await mongoose.connection.db!.collection('materials.chunks').indexes();
  t.true(chunks.some((index) => JSON.stringify(index.key) === JSON.stringify({ files_id: 1, n: 1 }) && index.unique === true));
});

test.serial('syncIndexes › run again, and after a collection was dropped › changes nothing, and makes the dropped one again', async (t) => {
  const before = await collectionNames();
  await syncIndexes();
  t.deepEqual(await collectionNames(), before);
  const model = Object.values(mongoose.models).find((m) => m.schema.indexes().length > 0)!;
  await model.collection.drop();
  t.false((await collectionNames()).includes(model.collection.collectionName));
  await syncIndexes();
  t.deepEqual(await collectionNames(), before);
  t.deepEqual((await model.diffIndexes()).toCreate, []);
});
