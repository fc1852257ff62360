// How many writes a staff decision costs: the guarded update of the application and the
// citizen's notice in the outbox, nothing else (no claims, no change feed). Its own file, as
// mongoose's debug hook sees every query of the process.
import test from 'ava';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { applicationIn, buildScene } from './fixtures.ts';

let app: TestApp;
let scene: Awaited<ReturnType<typeof buildScene>>;
const WRITES = new Set([
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'deleteOne',
  'deleteMany',
  'bulkWrite',
]);
/** Rate limiting counts the request, whatever it does. */
const BOOKKEEPING = new Set(['rate_hits', 'rate_slots']);

test.before(async () => {
  app = await startTestApp();
  scene = await buildScene();
});
test.after.always(() => {
  mongoose.set('debug', false);
  return app.close();
});

async function writesOf(request: () => Promise<{ status: number }>) {
  const writes: string[] = [];
  mongoose.set('debug', (collection: string, method: string) => {
    if (WRITES.has(method) && !BOOKKEEPING.has(collection)) writes.push(`${collection}.${method}`);
  });
  const answer = await request();
  mongoose.set('debug', false);
  return { status: answer.status, writes };
}

test.serial('staff decisions › review, accept and complete each write the application once and queue one notice', async (t) => {
  const id = await applicationIn(app, scene, 'submitted');
  const token = scene.clerk.token;
  // An approval also keeps each uploaded file in the citizen's material library (one insert each).
  const keptInLibrary = ['citizen_materials.insertOne', 'citizen_materials.insertOne'];
  for (const [path, body] of [
    ['review', { decision: 'approve' }],
    ['accept', undefined],
    ['complete', { onsiteVisits: 1 }],
  ] as const) {
    const { status, writes } = await writesOf(() => app.request('POST', `/api/v1/staff/applications/${id}/${path}`, { token, body }));
    t.is(status, 200, path);
    t.deepEqual(
      writes,
      path === 'review'
        ? ['applications.findOneAndUpdate', ...keptInLibrary, 'notifications.insertOne']
        : ['applications.findOneAndUpdate', 'notifications.insertOne'],
      path,
    );
  }
});

test.serial('staff decisions › a refused review changes nothing: one update that matched nothing, no notice', async (t) => {
  const id = await applicationIn(app, scene, 'approved');
  const { status, writes } = await writesOf(() =>
    app.request('POST', `/api/v1/staff/applications/${id}/review`, { token: scene.clerk.token, body: { decision: 'approve' } }),
  );
  t.is(status, 409);
  t.deepEqual(writes, ['applications.findOneAndUpdate']);
});
