// The workbench for a department admin (first sign-in with a password change, a renewed access
// token, a fee waiver, a case accepted on the spot), and how the page itself is served. Without
// Chromium the browser test fails: CI must install it.
import test from 'ava';
import { StaffModel } from '../../models/staff.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { applicationIn, buildScene } from '../applications/fixtures.ts';
import { CHROMIUM, openInputPage } from '../screens/chromium.ts';
import { DEADLINE, NOW, click, text } from './fixtures.ts';

let app: TestApp;

test.before(async () => {
  app = await startTestApp({ clock: () => NOW });
});
test.after.always(() => app.close());

test('a department admin sets a new password at the first sign-in, outlives the access token, waives a fee with its legal basis, completes the case and accepts one on the spot', async (t) => {
  t.truthy(CHROMIUM, 'chromium must be installed (apt-get install -y chromium)');
  if (!CHROMIUM) return;
  const scene = await buildScene({ fee: { charged: true, items: [{ name: '证书费', amountFen: 500, basis: '物价部门核定', waivable: true }] } });
  const applicationId = await applicationIn(app, scene, 'accepted');
  const admin = scene.admin;
  await StaffModel.updateOne({ _id: admin.id }, { $set: { mustChangePassword: true } });

  const page = await openInputPage(`${app.baseUrl}/staff`);
  try {
    t.true(await page.waitFor(`!document.getElementById('login').hidden`));
    await page.focus('#login-username');
    await page.type(admin.username);
    await page.focus('#login-password');
    await page.type(admin.password);
    await page.press('Enter');
    t.true(await page.waitFor(`!document.getElementById('login-new-row').hidden`), 'the form asks for a new password');
    t.is(await page.evaluate('document.activeElement.id'), 'login-new-password');
    await page.type('a-new-password-of-2026');
    await page.press('Enter');
    t.true(await page.waitFor(`!document.getElementById('app').hidden`));
    t.regex(await text(page, '#who'), /部门管理员/);

    // The short-lived access token runs out: the page renews it with the refresh token and goes on.
    await page.evaluate(`(() => {
      const key = 'onetrip.staff.session';
      const value = JSON.parse(sessionStorage.getItem(key));
      sessionStorage.setItem(key, JSON.stringify({ ...value, token: 'expired.' + value.token }));
    })()`);

    // Without windows of their own, the queue asks which window to work.
    await click(page, '[data-tab="queue"]');
    t.is(await page.evaluate(`document.getElementById('queue-window').tagName`), 'INPUT');

    await click(page, '[data-tab="cases"]');
    await page.evaluate(`(() => { const s = document.getElementById('cases-view'); s.value = 'accepted'; s.dispatchEvent(new Event('change')); })()`);
    const entry = `#cases-list [data-application="${applicationId}"]`;
    t.true(await page.waitFor(`!!document.querySelector('${entry}')`));
    await click(page, entry);
    t.true(await page.waitFor(`document.getElementById('fee-status')?.dataset.fee === 'unpaid'`));
    await page.focus('#waive-reason');
    await page.type('申请人为最低生活保障对象');
    await page.focus('#waive-basis');
    await page.type('《行政事业性收费管理条例》第十条');
    await page.press('Enter');
    t.true(await page.waitFor(`document.getElementById('fee-status')?.dataset.fee === 'waived'`));
    t.regex(await text(page, '#fee-status'), /已减免.*最低生活保障/);
    await click(page, '#case-complete');
    t.true(await page.waitFor(`document.getElementById('case-status')?.dataset.status === 'completed'`));
    const done = await app.request('GET', `/api/v1/staff/applications/${applicationId}`, { token: admin.token });
    t.false(await page.evaluate<boolean>(`sessionStorage.getItem('onetrip.staff.session').includes('expired.')`), 'the token was renewed');

    // 现场办件: accepted on the spot, with its deadline.
    await page.focus('#walkin-case-name');
    await page.type('某某县某某商贸有限公司');
    await page.evaluate(`document.getElementById('walkin-case-company').checked = true`);
    await page.press('Enter');
    t.true(
      await page.waitFor(
        `document.getElementById('case-status')?.dataset.status === 'accepted' && document.querySelector('#case-detail h2').textContent.includes('商贸')`,
      ),
    );
    t.is(await page.evaluate(`document.querySelector('#case-status .deadline')?.dataset.deadline`), DEADLINE);
    t.like(done.body.fee, { status: 'waived', reason: '申请人为最低生活保障对象', legalBasis: '《行政事业性收费管理条例》第十条' });
  } finally {
    await page.close();
  }
});

test('/staff › served from the project with a strict CSP; unknown assets are 404; the page calls only the public API', async (t) => {
  const page = await app.request('GET', '/staff');
  t.is(page.status, 200);
  const csp = page.headers.get('content-security-policy') ?? '';
  t.regex(csp, /default-src 'none'/);
  t.regex(csp, /script-src 'self'(;|$)/);
  t.notRegex(page.text, /https?:\/\//, 'no CDN or other origin');
  for (const file of ['main.js', 'api.js', 'queue.js', 'staff.css']) t.is((await app.request('GET', `/staff/assets/${file}`)).status, 200, file);
  t.is((await app.request('GET', '/staff/assets/..%2Fpackage.json')).status, 404);
  t.is((await app.request('GET', '/staff/assets/nope.js')).status, 404);
  const api = (await app.request('GET', '/staff/assets/api.js')).text;
  t.regex(api, /fetch\(`\/api\/v1\$\{path\}`/);
});
