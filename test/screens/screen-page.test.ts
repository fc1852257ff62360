// Drives the real lobby page in headless Chromium (Debian's `chromium`). Without Chromium
// this test fails: CI must install it.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import test from 'ava';
import mongoose from 'mongoose';
import { screenSnapshotsJob } from '../../jobs/screen-snapshots.ts';
import { createApp } from '../../server/app.ts';
import type { Caches } from '../../server/caches.ts';
import { apiRequest, connectTestDatabase, startTestCaches } from '../helpers/app.ts';
import { buildDepartment, buildItem, buildStaff, buildWindow, suffix } from '../helpers/factories.ts';
import { CHROMIUM, openPage } from './chromium.ts';

let server: Server;
let caches: Caches;
let port: number;
let baseUrl: string;

function listen(onPort = 0): Promise<Server> {
  return new Promise((resolve) => {
    const s = createApp({ caches, checkAnswers: true }).listen(onPort, '127.0.0.1', () => resolve(s));
  });
}
async function stopServer(): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
async function rebuild() {
  await screenSnapshotsJob(caches.catalogue).run(new Date());
  await caches.screens.refresh();
}

test.before(async () => {
  await connectTestDatabase();
  caches = await startTestCaches();
  server = await listen();
  port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
});
test.after.always(async () => {
  caches?.stop();
  await stopServer().catch(() => {});
  await mongoose.connection.dropDatabase().catch(() => {});
  await mongoose.disconnect();
});

test('screen page › shows the call after call-next, highlights it, marks 连接中断 while the API is down and recovers', async (t) => {
  t.truthy(CHROMIUM, 'chromium must be installed (apt-get install -y chromium)');
  if (!CHROMIUM) return;
  const hall = `H${suffix()}`;
  const department = (await buildDepartment({ ticketPrefix: 'A' })).code;
  const window = await buildWindow(department, { hallCode: hall, name: '3号窗口' });
  const itemCode = (await buildItem({ department, windows: [window.code] })).code;
  const clerk = await buildStaff('window', department, [window.code]);
  const admin = await buildStaff('center_admin', null);
  const api = (method: string, path: string, options = {}) => apiRequest(baseUrl, method, path, options);
  const { token } = (await api('POST', '/api/v1/admin/screens', { token: admin.token, body: { code: `S-${hall}`, name: '大屏', hallCode: hall } })).body;
  for (let i = 0; i < 3; i++) await api('POST', '/api/v1/staff/tickets', { token: clerk.token, body: { itemCode } });
  await rebuild();

  const page = await openPage(`${baseUrl}/screen/${hall}?token=${encodeURIComponent(token)}&interval=500`);
  try {
    const card = `document.querySelector('[data-window="${window.code}"]')`;
    t.is(await page.waitFor(`${card} && ${card}.querySelector('.current').textContent`), '—');
    t.is(await page.evaluate(`document.querySelector('#waiting .count').textContent`), '3 人');

    await api('POST', `/api/v1/staff/windows/${window.code}/call-next`, { token: clerk.token });
    await rebuild();
    t.is(await page.waitFor(`${card}.querySelector('.current').textContent === 'A001' && 'A001'`), 'A001');
    t.true(await page.evaluate(`${card}.classList.contains('new-call')`));
    t.regex(await page.evaluate<string>(`document.getElementById('call-banner').textContent`), /A001.*3号窗口/);
    t.is(await page.evaluate(`document.querySelector('#waiting .count').textContent`), '2 人');
    t.is(await page.evaluate(`getComputedStyle(document.body).width`), '1920px');

    await stopServer();
    t.true(await page.waitFor(`!document.getElementById('status').hidden`));
    t.is(await page.evaluate(`document.getElementById('status').textContent`), '连接中断');
    t.is(await page.evaluate(`${card}.querySelector('.current').textContent`), 'A001', 'the last snapshot stays');

    server = await listen(port);
    await api('POST', `/api/v1/staff/windows/${window.code}/call-next`, { token: clerk.token });
    await rebuild();
    t.is(await page.waitFor(`document.getElementById('status').hidden && ${card}.querySelector('.current').textContent === 'A002' && 'A002'`), 'A002');
    t.is(await page.evaluate(`${card}.querySelector('.previous').textContent`), '上一号 A001');
  } finally {
    await page.close();
  }
});
