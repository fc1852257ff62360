// Two instances on one database, each with its own in-memory catalogue: a change made
// through one is served by it at once and by the other within CATALOGUE_REFRESH_MS.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import test from 'ava';
import { readCounter } from '../../models/counter.ts';
import { createApp } from '../../server/app.ts';
import { createCaches, type Caches } from '../../server/caches.ts';
import { config } from '../../server/config.ts';
import { createCatalogueCache, markCatalogueChanged } from '../../services/catalogue/store.ts';
import { apiRequest, startTestApp, type TestApp } from '../helpers/app.ts';
import { buildItem, buildStaff, type StaffFixture } from '../helpers/factories.ts';

const REFRESH_MS = 200;
let app: TestApp;
let other: { caches: Caches; server: Server; baseUrl: string };
let admin: StaffFixture;
let itemCode: string;

test.before(async () => {
  Object.assign(config, { CATALOGUE_REFRESH_MS: REFRESH_MS });
  app = await startTestApp();
  itemCode = (await buildItem({ name: '旧名称事项' })).code;
  admin = await buildStaff('center_admin', null);
  const caches = createCaches();
  await caches.start();
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ caches }).listen(0, '127.0.0.1', () => resolve(s));
  });
  other = { caches, server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});
test.after.always(async () => {
  other?.server.closeAllConnections();
  await new Promise((resolve) => other?.server.close(resolve));
  other?.caches.stop();
  await app.close();
});

const nameAt = async (baseUrl: string) => (await apiRequest(baseUrl, 'GET', `/api/v1/items/${itemCode}`)).body.name;

test.serial('PATCH /admin/items/:code › this instance answers the change at once, the other within CATALOGUE_REFRESH_MS', async (t) => {
  t.is(await nameAt(other.baseUrl), '旧名称事项');
  const changed = await app.request('PATCH', `/api/v1/admin/items/${itemCode}`, { token: admin.token, body: { name: '新名称事项' } });
  t.is(changed.status, 200);
  t.is(await nameAt(app.baseUrl), '新名称事项', 'no wait on the instance that made the change');
  const started = Date.now();
  let seen = await nameAt(other.baseUrl);
  while (seen !== '新名称事项' && Date.now() - started < 20 * REFRESH_MS) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen = await nameAt(other.baseUrl);
  }
  t.is(seen, '新名称事项');
  t.log(`the other instance served the change after ${Date.now() - started} ms (refresh every ${REFRESH_MS} ms)`);
});

test.serial('catalogue version › concurrent changes each count ($inc), so no change is mistaken for none', async (t) => {
  const before = await readCounter('version:catalogue');
  const versions = await Promise.all(Array.from({ length: 20 }, () => markCatalogueChanged()));
  t.is(await readCounter('version:catalogue'), before + 20);
  t.is(new Set(versions).size, 20, 'every change got a version of its own');
});

test('catalogue cache › is not readable before it is started', (t) => {
  t.throws(() => createCatalogueCache(REFRESH_MS).current(), { message: /not started/ });
});
