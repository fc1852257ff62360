// The database goes away under the running app and comes back: requests fail fast with 503
// UNAVAILABLE, /readyz says so, and the service recovers without a restart, data intact.
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { createApp } from '../../server/app.ts';
import { connectDatabase } from '../../server/db.ts';
import { freePort, secantusBinary, startSecantusAt, type LocalMongo } from '../../server/embedded-db.ts';
import { apiRequest, startTestCaches } from '../helpers/app.ts';
import { buildStaff, suffix } from '../helpers/factories.ts';

let binary: string;
const dir = mkdtempSync(path.join(os.tmpdir(), 'onetrip-outage-'));
let db: LocalMongo;
let port: number;
let baseUrl: string;
let server: ReturnType<ReturnType<typeof createApp>['listen']>;
let caches: Awaited<ReturnType<typeof startTestCaches>> | undefined;

test.before(async () => {
  // This test stops and restarts a server of its own, on the same data and port.
  binary = await secantusBinary(() => {});
  port = await freePort();
  db = await startSecantusAt(binary, dir, port);
  await connectDatabase(db.uri, 'outage');
  caches = await startTestCaches();
  server = createApp({ caches, checkAnswers: true }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.after.always(async () => {
  server?.closeAllConnections();
  server?.close();
  caches?.stop();
  await mongoose.disconnect().catch(() => {});
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    value = await probe();
  }
  return value;
}

test.serial('database outage › 503 while away, recovery without restart, nothing lost', async (t) => {
  const admin = await buildStaff('center_admin', null);
  const before = `D${suffix()}`;
  t.is((await apiRequest(baseUrl, 'POST', '/api/v1/admin/departments', { token: admin.token, body: { code: before, name: '停机前部门' } })).status, 201);
  t.is((await apiRequest(baseUrl, 'GET', '/readyz')).status, 200);

  await db.stop();
  const ready = await until(
    () => apiRequest(baseUrl, 'GET', '/readyz'),
    (r) => r.status === 503,
    10_000,
  );
  t.is(ready.status, 503);
  t.is((await apiRequest(baseUrl, 'GET', '/healthz')).status, 200, 'the process itself is alive');
  const started = Date.now();
  const write = await apiRequest(baseUrl, 'POST', '/api/v1/admin/departments', { token: admin.token, body: { code: `D${suffix()}`, name: '停机中部门' } });
  t.is(write.status, 503);
  t.is(write.body.error.code, 'UNAVAILABLE');
  t.true(Date.now() - started < 8000, 'fails within seconds, not after a long hang');

  db = await startSecantusAt(binary, dir, port);
  const back = await until(
    () => apiRequest(baseUrl, 'GET', '/readyz'),
    (r) => r.status === 200,
    30_000,
  );
  t.is(back.status, 200, 'ready again without a restart');
  const after = `D${suffix()}`;
  const created = await until(
    () => apiRequest(baseUrl, 'POST', '/api/v1/admin/departments', { token: admin.token, body: { code: after, name: '恢复后部门' } }),
    (r) => r.status !== 503,
    15_000,
  );
  t.is(created.status, 201);
  const list = await apiRequest(baseUrl, 'GET', '/api/v1/admin/departments?pageSize=100', { token: admin.token });
  const codes = list.body.items.map((d: { code: string }) => d.code);
  t.true(codes.includes(before) && codes.includes(after), 'data from before the outage is intact');
});
