// The public progress site (/public/) in headless Chromium: every page at phone (390×844) and
// desktop (1366×768) size, screenshots kept in test-results/, basic accessibility checks, the
// keyboard, the large-text mode (适老化), print, and no full name, ID number or phone number of
// the fixture anywhere. Without Chromium this test fails: CI must install it.
import test from 'ava';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from '../../server/config.ts';
import { addDays, zonedDate } from '../../services/calendar/zoned-time.ts';
import { publishProgress } from '../../services/publishing/publish.ts';
import { refreshFigures } from '../../services/figures/store.ts';
import { applicationIn, buildScene } from '../applications/fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { insertCases } from '../publishing/fixtures.ts';
import { captureScreenshot, CHROMIUM, emulateMedia, navigate, openPage, pressKey, setViewport, typeText, type Browser } from '../screens/chromium.ts';
import { AUDIT } from './audit.ts';

const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const PAGES = ['/public/', '/public/progress', '/public/figures', '/public/catalogue', '/public/guides'];
const PERSON = { name: '欧阳明月', idNumber: '11010519491231002X', phone: '13912345678' };
const WALK_IN = '司马相如';
const RAW_NAMES = ['诸葛孔明', '上官婉儿', '张三'];
const HOSTILE_COMPANY = '<img src=x onerror=alert(1)>贸易有限公司';
/** What must never appear: the fixture's full names, its ID number and phone (also spaced or masked-less forms). */
const SECRETS = [PERSON.name, PERSON.idNumber, PERSON.phone, WALK_IN, ...RAW_NAMES];

let app: TestApp;
let browser: Browser | undefined;
let scene: Awaited<ReturnType<typeof buildScene>>;
let completedId: string;

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  scene = await buildScene({ name: '居民身份证换领' });
  const profile = await app.request('PUT', '/api/v1/me/profile', { token: scene.citizen.token, body: PERSON });
  if (profile.status !== 200) throw new Error(profile.text);
  completedId = await applicationIn(app, scene, 'completed');
  await app.request('POST', `/api/v1/applications/${completedId}/evaluation`, { token: scene.citizen.token, body: { score: 5, comment: '很方便' } });
  const walkIn = await app.request('POST', '/api/v1/staff/cases', { token: scene.clerk.token, body: { itemCode: scene.item.code, applicantName: WALK_IN } });
  if (walkIn.status !== 201) throw new Error(walkIn.text);
  const today = zonedDate(fileClock(), config.TZ_NAME);
  const common = { itemCode: scene.item.code, department: scene.department };
  await insertCases([
    {
      ...common,
      name: RAW_NAMES[0]!,
      status: 'completed',
      acceptedDate: addDays(today, -3),
      deadline: addDays(today, 2),
      completedDate: addDays(today, -1),
      onTime: true,
      onsiteVisits: 1,
    },
    {
      ...common,
      name: RAW_NAMES[1]!,
      status: 'completed',
      acceptedDate: addDays(today, -6),
      deadline: addDays(today, -4),
      completedDate: addDays(today, -2),
      onTime: false,
      onsiteVisits: 2,
    },
    { ...common, name: RAW_NAMES[2]!, status: 'accepted', acceptedDate: addDays(today, -1), deadline: addDays(today, 4) },
    { ...common, name: HOSTILE_COMPANY, company: true, status: 'accepted', acceptedDate: today, deadline: addDays(today, 5) },
  ]);
  await publishProgress(fileClock(), app.caches.catalogue.current(), app.caches.progress.ledger);
  await refreshFigures(fileClock(), config.TZ_NAME);
  await app.caches.progress.refresh();
  if (CHROMIUM) browser = await openPage('about:blank');
});
test.after.always(async () => {
  await browser?.close();
  await app?.close();
});

test.serial('every page › is HTML with a strict CSP, escapes what it shows, and shows no full name, ID number or phone', async (t) => {
  for (const page of [...PAGES, `/public/catalogue/${scene.item.code}`, `/public/progress?q=${completedId}`]) {
    const res = await app.request('GET', page);
    t.is(res.status, 200, page);
    t.regex(res.headers.get('content-type') ?? '', /^text\/html/, page);
    t.regex(res.headers.get('content-security-policy') ?? '', /script-src 'self'/, page);
    for (const secret of SECRETS) t.false(res.text.includes(secret), `${page} shows ${secret}`);
    t.false(res.text.includes('<img src=x'), `${page} escapes what it shows`);
  }
  const progress = await app.request('GET', '/public/progress');
  t.true(progress.text.includes('欧**月'), 'the citizen, masked');
  t.true(progress.text.includes('司**如'), 'the walk-in applicant, masked');
  t.true(progress.text.includes('&lt;img src=x onerror=alert(1)&gt;贸易有限公司'), 'a company in full, escaped');
  const found = await app.request('GET', `/public/progress?q=${completedId.slice(-8).toUpperCase()}`);
  t.true(found.text.includes(completedId), 'a search by the end of the case number finds it');
  t.regex(found.text, /（1 件）/);
  const none = await app.request('GET', '/public/progress?q=ffffffffffff');
  t.regex(none.text, /没有找到办件编号/);
  t.is((await app.request('GET', '/public/catalogue/NO-SUCH-ITEM')).status, 404);
  const guide = await app.request('GET', `/public/catalogue/${scene.item.code}`);
  t.true(guide.text.includes('居民身份证换领'));
  t.true(guide.text.includes('申请材料'));
  t.is((await app.request('GET', '/public/assets/site.css')).status, 200);
  t.is((await app.request('GET', '/public/assets/other.js')).status, 404);
});

test.serial('hostile addresses › are answered 200 as pages, with what they carry escaped', async (t) => {
  for (const query of [
    `q=${encodeURIComponent('"><script>alert(1)</script>')}`,
    `q=${'a'.repeat(5000)}`,
    'q=1&q=2&page=-5',
    'page=99999999999999999999',
    `page=${encodeURIComponent('1;DROP')}&large=${encodeURIComponent('<b>')}`,
    'q=%E0%A4%A',
  ]) {
    const res = await app.request('GET', `/public/progress?${query}`);
    t.true(res.status === 200 || res.status === 400, `${query}: ${res.status}`);
    t.false(res.text.includes('<script>alert'), query);
    t.false(res.text.includes('"><script'), query);
  }
  const guide = await app.request('GET', `/public/catalogue/${encodeURIComponent('<svg onload=alert(1)>')}`);
  t.is(guide.status, 404);
  t.false(guide.text.includes('<svg onload'));
});

for (const [label, width, height, mobile] of [
  ['phone', 390, 844, true],
  ['desktop', 1366, 768, false],
] as const) {
  test.serial(`${label} ${width}×${height} › every page fits, passes the basic accessibility checks, and is screenshotted`, async (t) => {
    t.truthy(CHROMIUM, 'chromium must be installed (apt-get install -y chromium)');
    if (!browser) return;
    await setViewport(browser, width, height, mobile);
    for (const page of [...PAGES, `/public/catalogue/${scene.item.code}`]) {
      await navigate(browser, `${app.baseUrl}${page}?large=0`);
      const problems = await browser.evaluate<string[]>(AUDIT);
      t.deepEqual(problems, [], `${page} at ${label}`);
      const overflow = await browser.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      t.true(overflow <= 0, `${page} scrolls sideways by ${overflow}px at ${label}`);
      const text = await browser.evaluate<string>('document.body.innerText');
      for (const secret of SECRETS) t.false(text.includes(secret), `${page} shows ${secret}`);
      const name = page.startsWith('/public/catalogue/') ? 'guide' : page.replace(/^\/public\/?/, '') || 'home';
      await captureScreenshot(browser, path.join(RESULTS, `public-${name}-${label}-${width}x${height}.png`), true);
    }
    t.is(await browser.evaluate<number>(`document.querySelectorAll('svg.chart').length`), 0, 'a guide has no chart');
    await navigate(browser, `${app.baseUrl}/public/figures`);
    t.is(await browser.evaluate<number>(`document.querySelectorAll('svg.chart[role=img]').length`), 3, 'the figures have their charts');
    const headings = await browser.evaluate<string[]>(`[...document.querySelectorAll('h2')].map((h) => h.textContent)`);
    t.true(
      headings.some((h) => h.startsWith('服务效率')) && headings.includes('各部门'),
      `the service figures month by month and per department: ${headings.join(' / ')}`,
    );
    // The service figures come month by month for the last twelve months.
    const months = await browser.evaluate<string[]>(
      `[...document.querySelectorAll('#fig-service ~ table tbody tr, section[aria-labelledby=fig-service] tbody tr')].map((r) => r.textContent)`,
    );
    t.is(months.length, 12, 'twelve months');
  });
}

test.serial('the audit › finds what it checks for on a page that gets them wrong', async (t) => {
  if (!browser) return t.pass('no chromium: the screenshots test fails for it');
  const bad = '<html><body style="color:#aaa;background:#fff"><h1>甲</h1><h3>乙</h3><input id="x"><a href="/"></a><svg></svg><p>浅色文字</p></body></html>';
  await browser.cdp('Page.navigate', { url: `data:text/html;charset=utf-8,${encodeURIComponent(bad)}` });
  await browser.waitFor<boolean>(`document.readyState === 'complete' && !!document.querySelector('h3')`);
  const problems = (await browser.evaluate<string[]>(AUDIT)).join('\n');
  for (const expected of ['no lang', 'heading skips', 'field without label', 'control without a name', 'chart without', 'contrast'])
    t.true(problems.includes(expected), expected);
});

test.serial('keyboard › the skip link comes first, focus is visible, and a case is found by number without a mouse', async (t) => {
  if (!browser) return t.pass('no chromium: the screenshots test fails for it');
  await setViewport(browser, 1366, 768);
  await navigate(browser, `${app.baseUrl}/public/progress`);
  await pressKey(browser, 'Tab');
  t.is(await browser.evaluate<string>('document.activeElement.textContent'), '跳到主要内容');
  t.not(await browser.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle'), 'none', 'focus is visible');
  t.true(await browser.evaluate<boolean>('document.activeElement.getBoundingClientRect().top >= 0'), 'the focused skip link is on screen');
  let reached = false;
  for (let presses = 0; presses < 20 && !reached; presses++) {
    await pressKey(browser, 'Tab');
    reached = await browser.evaluate<boolean>(`document.activeElement.id === 'case-no'`);
  }
  t.true(reached, 'the case number field is reachable by Tab');
  await typeText(browser, completedId.slice(0, 10));
  await pressKey(browser, 'Enter');
  const listed = await browser.waitFor<boolean>(`location.search.includes('q=') && document.body.innerText.includes(${JSON.stringify(completedId)})`);
  t.true(listed, 'Enter submits the search and lists the case');
});

test.serial('large text (适老化) › the switch enlarges the text, is kept across pages, and works by keyboard', async (t) => {
  if (!browser) return t.pass('no chromium: the screenshots test fails for it');
  await setViewport(browser, 390, 844, true);
  await navigate(browser, `${app.baseUrl}/public/?large=0`);
  const normal = await browser.evaluate<number>('parseFloat(getComputedStyle(document.body).fontSize)');
  await browser.evaluate(`document.getElementById('text-size').focus()`);
  await pressKey(browser, 'Enter');
  t.true(await browser.evaluate<boolean>(`document.documentElement.classList.contains('large')`));
  t.is(await browser.evaluate<string>(`document.getElementById('text-size').getAttribute('aria-pressed')`), 'true');
  const large = await browser.evaluate<number>('parseFloat(getComputedStyle(document.body).fontSize)');
  t.true(large >= normal * 1.3, `${normal}px → ${large}px`);
  await navigate(browser, `${app.baseUrl}/public/figures`);
  t.true(await browser.evaluate<boolean>(`document.documentElement.classList.contains('large')`), 'kept on the next page');
  t.deepEqual(await browser.evaluate<string[]>(AUDIT), []);
  t.true((await browser.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')) <= 0, 'still fits a phone');
  await captureScreenshot(browser, path.join(RESULTS, 'public-figures-large-phone-390x844.png'), true);
  await navigate(browser, `${app.baseUrl}/public/progress?large=0`);
  t.false(await browser.evaluate<boolean>(`document.documentElement.classList.contains('large')`), '?large=0 turns it off');
});

test.serial('print › every guide prints on its own, without the navigation', async (t) => {
  if (!browser) return t.pass('no chromium: the screenshots test fails for it');
  await setViewport(browser, 1366, 768);
  await navigate(browser, `${app.baseUrl}/public/guides`);
  await emulateMedia(browser, 'print');
  t.is(await browser.evaluate<string>(`getComputedStyle(document.querySelector('.site-header')).display`), 'none');
  const guides = await browser.evaluate<number>(`document.querySelectorAll('article.guide').length`);
  t.is(guides, app.caches.catalogue.current().byCode.size);
  t.is(
    await browser.evaluate<string>(`getComputedStyle(document.querySelectorAll('article.guide')[1] || document.body).breakBefore`),
    guides > 1 ? 'page' : 'auto',
  );
  await captureScreenshot(browser, path.join(RESULTS, 'public-guides-print-1366x768.png'));
  await emulateMedia(browser, '');
});
