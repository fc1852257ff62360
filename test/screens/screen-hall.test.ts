// The lobby page in a hall as big as the demo's HALL1 (its 41 windows and their real names),
// at 1920×1080 in headless Chromium (which has no CJK font here: the page's own web font must
// draw the Chinese). Checks element bounds, keeps a screenshot in test-results/, and records
// what speech synthesis is asked to say.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import test from 'ava';
import mongoose from 'mongoose';
import { screenSnapshotsJob } from '../../jobs/screen-snapshots.ts';
import { WindowModel } from '../../models/window.ts';
import { windows as hallWindows } from '../../seed/data/windows.ts';
import { createApp } from '../../server/app.ts';
import type { Caches } from '../../server/caches.ts';
import { apiRequest, catalogueWritten, connectTestDatabase, startTestCaches } from '../helpers/app.ts';
import { buildDepartment, buildItem, buildStaff, suffix, type StaffFixture } from '../helpers/factories.ts';
import { captureScreenshot, CHROMIUM, openPage, setViewport, type Browser } from './chromium.ts';
import { layoutReport, type LayoutReport } from './layout-report.ts';

const SCREENSHOT = path.resolve('test-results', 'screen-hall-1920x1080.png');
/** Window groups given tickets; the windows called are the ones the test calls at. */
const GROUPS = [['A01', 'A02', 'A03'], ['C03'], ['E04', 'E05'], ['F06'], ['G03'], ['G08']];
const CALLED = ['A01', 'A02', 'C03', 'E05', 'F06', 'G03', 'G08'];

let servers: Server[] = [];
let caches: Caches;
let baseUrl: string;
let hall: string;
let clerk: StaffFixture;
let admin: StaffFixture;
let device: string;
let token: string;
let page: Browser;

function listen(clock?: () => Date): Promise<string> {
  return new Promise((resolve) => {
    const s = createApp({ caches, checkAnswers: true, clock }).listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`));
    servers.push(s);
  });
}
const api = (method: string, url: string, options = {}) => apiRequest(baseUrl, method, url, options);
async function rebuild() {
  await screenSnapshotsJob(caches.catalogue).run(new Date());
  await caches.screens.refresh();
}
const callNext = (window: string) => api('POST', `/api/v1/staff/windows/${window}/call-next`, { token: clerk.token });
const card = (code: string) => `document.querySelector('[data-window="${code}"]')`;
const spoken = () => page.evaluate<string[]>('window.__spoken');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.before(async () => {
  await connectTestDatabase();
  caches = await startTestCaches();
  baseUrl = await listen();
  hall = `H${suffix()}`;
  const department = (await buildDepartment({ ticketPrefix: 'A' })).code;
  await WindowModel.insertMany(hallWindows.map((w) => ({ ...w, hallCode: hall, department })));
  await catalogueWritten();
  clerk = await buildStaff(
    'window',
    department,
    hallWindows.map((w) => w.code),
  );
  admin = await buildStaff('center_admin', null);
  for (const windows of GROUPS) {
    const itemCode = (await buildItem({ department, windows })).code;
    for (let i = 0; i < 4; i++) await api('POST', '/api/v1/staff/tickets', { token: clerk.token, body: { itemCode } });
  }
  for (const window of CALLED) {
    const called = await callNext(window);
    mustSucceed(called);
    firstCalls.set(window, called.body.ticketNo);
  }
  device = `S-${hall}`;
  token = (await api('POST', '/api/v1/admin/screens', { token: admin.token, body: { code: device, name: '一楼大厅大屏', hallCode: hall } })).body.token;
  await rebuild();
});
test.after.always(async () => {
  await page?.close();
  caches?.stop();
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  servers = [];
  await mongoose.connection.dropDatabase().catch(() => {});
  await mongoose.disconnect();
});

/** Ticket numbers count per hall and prefix, so each window's first call is read from its answer. */
const firstCalls = new Map<string, string>();
/** How the screen says a ticket number: digit by digit (A002 → A零零二). */
const spelled = (ticketNo: string) => ticketNo.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!);

function mustSucceed(res: { status: number; text: string }) {
  if (res.status >= 300) throw new Error(`setup failed: ${res.status} ${res.text}`);
}

test.serial('screen assets › the CJK web font: a stylesheet of unicode-range slices, each slice cached for a year', async (t) => {
  const sheet = await fetch(`${baseUrl}/screen/assets/fonts.css`);
  t.is(sheet.status, 200);
  t.regex(sheet.headers.get('content-type') ?? '', /text\/css/);
  const css = await sheet.text();
  t.true(css.includes("font-family: 'Noto Sans SC'"));
  t.true(css.includes('unicode-range'));
  t.false(css.includes('.woff)'), 'woff2 only');
  const slices = [...css.matchAll(/url\((\/screen\/assets\/fonts\/[^)]+\.woff2)\)/g)].map((m) => m[1]!);
  t.true(slices.length >= 100, `${slices.length} slices`);
  t.regex(sheet.headers.get('etag') ?? '', /^"[^"]+"$/, 'revalidated, not fetched again');

  const slice = await fetch(`${baseUrl}${slices[0]}`);
  t.is(slice.status, 200);
  t.is(slice.headers.get('content-type'), 'font/woff2');
  t.is(slice.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  t.is(
    Buffer.from(await slice.arrayBuffer())
      .subarray(0, 4)
      .toString('latin1'),
    'wOF2',
  );
  const name = slices[0]!.split('/').pop()!;
  t.is((await fetch(`${baseUrl}/screen/assets/fonts/0.0.1/${name}`)).status, 404, 'another version');
  t.is((await fetch(`${baseUrl}/screen/assets/fonts/${slices[0]!.split('/')[4]}/..%2F..%2Fpackage.json`)).status, 404);
  t.is((await fetch(`${baseUrl}/screen/assets/fonts/${slices[0]!.split('/')[4]}/noto-sans-sc-1-900-normal.woff2`)).status, 404, 'a weight not used');
});

test.serial(
  'screen page › 41 windows at 1920×1080: every card and calling window on screen, no text overflowing or wrapping, the banner clear of the figures',
  async (t) => {
    t.truthy(CHROMIUM, 'chromium must be installed (apt-get install -y chromium)');
    if (!CHROMIUM) return;
    page = await openPage(`${baseUrl}/screen/${hall}?token=${encodeURIComponent(token)}&interval=500`);
    await setViewport(page, 1920, 1080);
    t.is(await page.waitFor(`document.querySelectorAll('.window').length === 41 && 41`), 41);
    t.true(await page.waitFor(`document.fonts.status === 'loaded' && document.body.dataset.fitted && true`));
    await pause(500); // the refit after the last font slice arrived
    t.true(await page.evaluate(`document.fonts.check('40px "Noto Sans SC"', '叫号大屏等候')`), 'the web font draws the Chinese');
    const fontsLoaded = await page.evaluate<number>(`[...document.fonts].filter((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded').length`);
    t.true(fontsLoaded >= 1 && fontsLoaded < 40, `${fontsLoaded} slices loaded: only those of the characters shown`);

    const report = await page.evaluate<LayoutReport>(layoutReport);
    await captureScreenshot(page, SCREENSHOT);
    t.log(
      `grid ${report.grid}, card ${report.card}, ticket ${report.ticketPx}px, code ${report.codePx}px, smallest text ${report.smallestPx}px; screenshot ${SCREENSHOT}`,
    );
    t.deepEqual(report.viewport, [1920, 1080]);
    t.is(report.cards, 41);
    t.deepEqual(report.calling.sort(), [...CALLED].sort());
    t.deepEqual(report.cardsOutside, [], 'every card inside the viewport');
    t.deepEqual(report.overflowing, [], 'no text wider or taller than its box');
    t.deepEqual(report.spilling, [], 'no text outside its card');
    t.deepEqual(report.wrapped, [], 'every text on one line');
    t.false(report.bannerOverlapsFigures);
    t.true(report.figuresVisible, 'the figures wholly above the footer');
    t.true(report.ticketPx >= 48, 'ticket numbers readable across the hall');
    t.is(await page.evaluate(`${card('G03')}.querySelector('.current').textContent`), firstCalls.get('G03'));
    t.is(await page.evaluate(`${card('A01')}.querySelector('.wait').textContent`), '等候 2');
    t.is(await page.evaluate(`${card('B01')}.querySelector('.current').textContent`), '—');
    t.is(await page.evaluate(`${card('C03')}.querySelector('.label').textContent`), '综合受理窗口（不动产交易登记）');
    t.is(await page.evaluate(`document.getElementById('today-wait').textContent.includes('分钟')`), true);
  },
);

test.serial('screen page › a new call is announced aloud after the chime, a recall again, none on loading; not once speech is switched off', async (t) => {
  if (!page) return t.fail('the page did not open');
  // Speech synthesis and the chime's tones recorded instead of played; the calls already on
  // screen were not announced.
  await page.evaluate(`(() => {
    window.__spoken = [];
    window.__sounds = [];
    const recorder = { speak: (u) => (window.__spoken.push(u.text), window.__sounds.push('speech')), cancel() {}, getVoices: () => [] };
    Object.defineProperty(window, 'speechSynthesis', { value: recorder, configurable: true });
    if (!window.SpeechSynthesisUtterance) window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    const param = () => ({ value: 0, setValueAtTime() {}, exponentialRampToValueAtTime() {} });
    window.AudioContext = class {
      state = 'running';
      currentTime = 0;
      destination = {};
      resume() { return Promise.resolve(); }
      createGain() { return { gain: param(), connect: (next) => next }; }
      createOscillator() {
        const frequency = param();
        return { frequency, connect: (next) => next, start: () => window.__sounds.push('tone ' + frequency.value), stop() {} };
      }
    };
  })()`);
  await pause(1500);
  t.deepEqual(await spoken(), [], 'nothing announced on loading');

  const called = await callNext('G03');
  mustSucceed(called);
  await rebuild();
  const said = `请 ${spelled(called.body.ticketNo)} 号，到 G零三 窗口办理`;
  t.deepEqual(await page.waitFor(`window.__spoken.length > 0 && window.__spoken`), [said]);
  t.deepEqual(await page.evaluate('window.__sounds'), ['tone 880', 'tone 660', 'speech'], 'the chime, then the words');
  t.regex(
    await page.evaluate<string>(`document.getElementById('call-banner').textContent`),
    new RegExp(`${called.body.ticketNo}\\s+请到 G03 窗口\\s+G03 交通运输窗口`),
  );
  t.is(await page.evaluate(`document.querySelector('#recent li').textContent`), `${called.body.ticketNo}G03 交通运输窗口`);

  // A recall (重呼) keeps the ticket and stamps announcedAt anew: the screen says it again.
  mustSucceed(await api('POST', `/api/v1/staff/tickets/${called.body.id}/recall`, { token: clerk.token }));
  await rebuild();
  t.is((await page.waitFor<string[]>(`window.__spoken.length > 1 && window.__spoken`)).length, 2);
  t.deepEqual(await spoken(), [said, said]);
  await pause(1200);
  t.is((await spoken()).length, 2, 'said once per call');

  const off = await api('PATCH', `/api/v1/admin/screens/${device}`, { token: admin.token, body: { speech: false } });
  t.is(off.status, 200);
  t.false(off.body.speech);
  await pause(1200); // the page's next poll brings the setting (the hall itself unchanged)
  const silent = await callNext('G08');
  mustSucceed(silent);
  await rebuild();
  const shown = `${card('G08')}.querySelector('.current').textContent`;
  t.is(await page.waitFor(`${shown} === ${JSON.stringify(silent.body.ticketNo)} && ${shown}`), silent.body.ticketNo);
  await pause(1500);
  t.is((await spoken()).length, 2, 'a device with speech off stays silent');
  t.true(await page.evaluate(`document.getElementById('voice-hint').hidden`));
});

test.serial("screen page › the clock shows the center's time from the server, not the PC's zone or clock", async (t) => {
  if (!page) return t.fail('the page did not open');
  const skewMs = (5 * 60 + 7) * 60_000; // the PC's clock is off by 5 h 7 min
  const skewed = await listen(() => new Date(Date.now() + skewMs));
  await page.cdp('Emulation.setTimezoneOverride', { timezoneId: 'Pacific/Honolulu' });
  await page.cdp('Page.navigate', { url: `${skewed}/screen/${hall}?token=${encodeURIComponent(token)}&interval=500` });
  const shown = await page.waitFor<string>(
    `document.querySelectorAll('.window').length === 41 && /^\\d\\d:\\d\\d:\\d\\d$/.test(document.getElementById('clock').textContent) && document.getElementById('clock').textContent`,
  );
  const expected = (at: number) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
  const now = Date.now() + skewMs;
  t.true([expected(now), expected(now - 60_000)].includes(shown.slice(0, 5)), `shown ${shown}, center time ${expected(now)}`);
  t.is(await page.evaluate(`new Date().getTimezoneOffset()`), 600, "the PC's zone is Honolulu's");
  const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' }).format(new Date(now));
  t.true((await page.evaluate<string>(`document.getElementById('date').textContent`)).startsWith(day));
});

test.serial('screen page › a display of another size sees the whole page scaled, every card still inside it', async (t) => {
  if (!page) return t.fail('the page did not open');
  await setViewport(page, 1366, 768);
  // The 16∶9 page in a 1366×768 display: scaled by 768/1080, filling it to within a pixel.
  const body = await page.waitFor<{ width: number; height: number }>(
    `(() => { const r = document.body.getBoundingClientRect(); return r.width < 1367 && { width: r.width, height: r.height }; })()`,
  );
  t.true(body.width > 1364 && body.width <= 1366 && body.height > 766 && body.height <= 768, JSON.stringify(body));
  const report = await page.evaluate<LayoutReport>(layoutReport);
  t.is(report.cards, 41);
  t.deepEqual(report.cardsOutside, []);
});

test.serial('screen page › a hall with more windows than one page holds readably: pages cycle, every window on screen within one cycle', async (t) => {
  if (!page) return t.fail('the page did not open');
  const big = `H${suffix()}`;
  const department = (await buildDepartment({ ticketPrefix: 'A' })).code;
  const codes = Array.from({ length: 100 }, (_, i) => `P${String(i + 1).padStart(3, '0')}`);
  await WindowModel.insertMany(codes.map((code) => ({ code, name: `${code} 综合窗口`, hallCode: big, location: '一楼', department })));
  await catalogueWritten();
  const bigClerk = await buildStaff('window', department, codes);
  for (const window of ['P007', 'P093']) {
    const itemCode = (await buildItem({ department, windows: [window] })).code;
    mustSucceed(await api('POST', '/api/v1/staff/tickets', { token: bigClerk.token, body: { itemCode } }));
    mustSucceed(await api('POST', `/api/v1/staff/windows/${window}/call-next`, { token: bigClerk.token }));
  }
  const bigToken = (await api('POST', '/api/v1/admin/screens', { token: admin.token, body: { code: `S-${big}`, name: '大厅大屏', hallCode: big } })).body.token;
  await rebuild();
  await setViewport(page, 1920, 1080);
  await page.cdp('Page.navigate', { url: `${baseUrl}/screen/${big}?token=${encodeURIComponent(bigToken)}&interval=500&page=2` });
  const info = await page.waitFor<string>(
    `document.querySelectorAll('.window').length === 100 && !document.getElementById('page-info').hidden && document.getElementById('page-info').textContent`,
  );
  const pages = Number(/第 \d+\/(\d+) 页/.exec(info)?.[1]);
  t.true(pages >= 2 && pages <= 3, info);

  const seen = new Set<string>();
  const problems: string[] = [];
  for (const until = Date.now() + pages * 2000 + 1000; Date.now() < until; await pause(250)) {
    const report = await page.evaluate<LayoutReport>(layoutReport);
    for (const code of await page.evaluate<string[]>(`[...document.querySelectorAll('.window:not([hidden])')].map((c) => c.dataset.window)`)) seen.add(code);
    problems.push(...report.cardsOutside, ...report.overflowing, ...report.spilling, ...report.wrapped);
    if (report.ticketPx < 40) problems.push(`ticket ${report.ticketPx}px`);
  }
  await captureScreenshot(page, path.resolve('test-results', 'screen-hall-100-windows-paged.png'));
  t.is(seen.size, 100, 'every window shown within one cycle of pages');
  t.deepEqual([...new Set(problems)], []);
});
