// One morning at the window, in the real workbench page (headless Chromium, 1366×768): sign in,
// check a booking in on the green lane by typing its code and Enter (as a scanner does), call it with Enter,
// recall and complete it, watch the waiting list update by itself, skip, requeue and transfer a walk-in,
// review an application (materials previewed inline, a one-time supplement notice, then
// approval), accept it with its deadline, record a window payment and complete the case.
// Screenshots of the queue, the review and the case panels are kept in the system's temp directory
// (onetrip-staff-workbench-*.png). Without Chromium this test fails: CI must install it.
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { encryptPii } from '../../services/pii/crypto.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildCitizen, buildDepartment, buildItem, buildStaff, buildWindow, suffix } from '../helpers/factories.ts';
import { files, openWithMaterials, upload } from '../applications/fixtures.ts';
import { CHROMIUM, openInputPage } from '../screens/chromium.ts';
import { DEADLINE, NOW, bookingAt, click, fitsWidth, text, waitText } from './fixtures.ts';

let app: TestApp;
/** The app's clock: NOW, moved on by the test where time must pass (a resubmission after the notice). */
let clock = NOW;

test.before(async () => {
  app = await startTestApp({ clock: () => clock });
});
test.after.always(() => app.close());

test('one morning: sign in, check in by code, call with Enter, queue steering, review with a supplement notice, window payment, complete', async (t) => {
  t.truthy(CHROMIUM, 'chromium must be installed (apt-get install -y chromium)');
  if (!CHROMIUM) return;
  const department = (await buildDepartment()).code;
  const window = await buildWindow(department, { hallCode: `H${suffix()}`, name: '5号窗口' });
  const item = await buildItem({
    department,
    windows: [window.code],
    name: '居民身份证换领',
    fee: { charged: true, items: [{ name: '工本费', amountFen: 2000, basis: '国家发展改革委、财政部有关规定', waivable: false }] },
  });
  const clerk = await buildStaff('window', department, [window.code]);
  const otherWindow = (await buildWindow(department, { hallCode: window.hallCode })).code;
  await buildItem({ department, windows: [otherWindow] });
  const citizen = await buildCitizen({ nameEnc: encryptPii('张三丰'), verified: true });
  const booking = await bookingAt(NOW, 10, item.code, citizen.id);
  const applicationId = await openWithMaterials(app, citizen.token, item.code);
  t.is((await upload(app, citizen.token, applicationId, '居民身份证', files.png(), 'id.png')).status, 200);
  t.is((await app.request('POST', `/api/v1/applications/${applicationId}/submit`, { token: citizen.token })).status, 200);

  const page = await openInputPage(`${app.baseUrl}/staff`);
  try {
    // Sign in with the keyboard.
    t.true(await page.waitFor(`!document.getElementById('login').hidden`));
    await page.focus('#login-username');
    await page.type(clerk.username);
    await page.focus('#login-password');
    await page.type(clerk.password);
    await page.press('Enter');
    t.true(await page.waitFor(`!document.getElementById('app').hidden`));
    t.regex(await text(page, '#who'), /王小明（窗口人员/);

    // Today's appointments; check in by typing the code (lower case, as a scanner may) and Enter.
    const row = `[data-appointment="${booking._id}"]`;
    t.true(await page.waitFor(`document.querySelector('${row}')?.dataset.status === 'booked'`), 'the booking is listed as booked');
    t.regex(await text(page, row), /张\*丰/);
    t.true(await fitsWidth(page));
    await page.evaluate(`document.getElementById('checkin-priority').value = 'elderly'`);
    await page.focus('#checkin-code');
    await page.type(booking.checkInCode.toLowerCase());
    await page.press('Enter');
    t.true(await waitText(page, '#checkin-result', '签到成功'));
    const ticketNo = (await text(page, '#checkin-result')).replace('签到成功，号码 ', '');
    t.regex(ticketNo, /^[A-Z]+\d{3}$/);
    t.true(await page.waitFor(`document.querySelector('${row}')?.dataset.status === 'checked_in'`));
    t.is(await page.evaluate(`document.activeElement.id`), 'checkin-code', 'the field stays focused for the next scan');

    // Enter outside any field calls the next ticket, which is the booking's.
    await page.evaluate('document.activeElement.blur()');
    await page.press('Enter');
    t.true(await page.waitFor(`document.getElementById('current-ticket-no')?.textContent === ${JSON.stringify(ticketNo)}`), 'Enter called the booked ticket');
    t.false(await page.evaluate<boolean>(`document.getElementById('panel-queue').hidden`));
    t.true(await waitText(page, '#queue-current', '预约'));
    t.true(await waitText(page, '#queue-current', '绿色通道·老年人'), 'checked in on the green lane');

    // A walk-in arrives: the waiting list shows it without any click (polling).
    const walkIn = await app.request('POST', '/api/v1/staff/tickets', { token: clerk.token, body: { itemCode: item.code } });
    t.is(walkIn.status, 201, walkIn.text);
    t.true(await page.waitFor(`!!document.querySelector('#queue-waiting [data-ticket="${walkIn.body.id}"]')`, 10_000), 'the waiting list updated by itself');

    // 重呼, then 完成.
    await click(page, '#ticket-recall');
    t.true(await waitText(page, '#queue-current', '已呼叫 2 次'));
    await click(page, '#ticket-serve');
    t.true(await page.waitFor(`!document.getElementById('current-ticket-no') && document.querySelector('#queue-current').textContent.includes('当前无')`));

    // The walk-in: called, 过号, then arrives late and is put back in the queue.
    await click(page, '#call-next');
    t.true(await page.waitFor(`document.getElementById('current-ticket-no')?.textContent === ${JSON.stringify(walkIn.body.ticketNo)}`));
    await click(page, '#ticket-skip');
    t.true(await page.waitFor(`!!document.querySelector('#queue-skipped [data-ticket="${walkIn.body.id}"]')`));
    await click(page, `#queue-skipped [data-ticket="${walkIn.body.id}"] button`);
    t.true(await page.waitFor(`!!document.querySelector('#queue-waiting [data-ticket="${walkIn.body.id}"]')`));
    t.true(await fitsWidth(page));
    await page.screenshot(path.join(os.tmpdir(), 'onetrip-staff-workbench-queue.png'));

    // 转窗: the walk-in belongs at the other window; the choices offer that window's group.
    t.true(await page.waitFor(`[...document.querySelectorAll('#transfer-groups option')].some((o) => o.value === '${otherWindow}')`));
    await page.focus('#transfer-group');
    await page.type(otherWindow);
    await click(page, `#queue-waiting [data-ticket="${walkIn.body.id}"] button`);
    t.true(await page.waitFor(`!document.querySelector('#queue-waiting [data-ticket="${walkIn.body.id}"]')`));
    const moved = await app.request('GET', `/api/v1/staff/windows/${otherWindow}/queue`, { token: (await buildStaff('center_admin', null)).token });
    t.deepEqual(
      moved.body.waiting.map((ticket: { id: string }) => ticket.id),
      [walkIn.body.id],
    );

    // Pre-review: both materials previewed inline from blob: URLs.
    await click(page, '[data-tab="review"]');
    const entry = `#review-list [data-application="${applicationId}"]`;
    t.true(await page.waitFor(`!!document.querySelector('${entry}')`));
    await click(page, entry);
    t.true(await page.waitFor(`!!document.querySelector('[data-material="居民身份证"]')`));
    await click(page, '[data-material="居民身份证"]');
    t.true(
      await page.waitFor(
        `(() => { const img = document.querySelector('#material-preview img'); return !!img && img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0; })()`,
      ),
    );
    await click(page, '[data-material="申请表"]');
    t.true(await page.waitFor(`document.querySelector('#material-preview iframe')?.src.startsWith('blob:')`));
    await page.screenshot(path.join(os.tmpdir(), 'onetrip-staff-workbench-review.png'));
    t.true(await fitsWidth(page));

    // 一次性告知: the choices are the item's materials list; the clerk ticks one and explains.
    t.deepEqual(await page.evaluate(`[...document.querySelectorAll('#supplement-picks input[type=checkbox]')].map((b) => b.value)`), [
      '居民身份证',
      '申请表',
      '委托书',
    ]);
    await page.evaluate(`document.querySelector('[data-missing="居民身份证"]').click()`);
    await page.focus('[data-missing-note="居民身份证"]');
    await page.type('照片页不清晰');
    await click(page, '#review-supplement');
    t.true(await page.waitFor(`document.getElementById('review-done')?.dataset.status === 'supplement_required'`));
    const seen = await app.request('GET', `/api/v1/applications/${applicationId}`, { token: citizen.token });
    t.deepEqual(seen.body.supplement, [{ materialName: '居民身份证', note: '照片页不清晰' }]);

    // Twenty minutes later the citizen sends a better scan; the clerk approves.
    clock = new Date(NOW.getTime() + 20 * 60_000);
    t.is((await upload(app, citizen.token, applicationId, '居民身份证', files.jpg(), 'id.jpg')).status, 200);
    t.is((await app.request('POST', `/api/v1/applications/${applicationId}/submit`, { token: citizen.token })).status, 200);
    await click(page, '[data-tab="cases"]');
    await click(page, '[data-tab="review"]');
    t.true(await page.waitFor(`!!document.querySelector('${entry}')`));
    await click(page, entry);
    t.true(await page.waitFor(`!!document.getElementById('review-approve')`));
    await click(page, '#review-approve');
    t.true(await page.waitFor(`document.getElementById('review-done')?.dataset.status === 'approved'`));

    // 受理 shows the deadline; 办结 waits for the fee, paid at the window.
    await click(page, '[data-tab="cases"]');
    const caseEntry = `#cases-list [data-application="${applicationId}"]`;
    t.true(await page.waitFor(`!!document.querySelector('${caseEntry}')`));
    await click(page, caseEntry);
    await page.waitFor(`!!document.getElementById('case-accept')`);
    await click(page, '#case-accept');
    t.true(await page.waitFor(`document.getElementById('case-status')?.dataset.status === 'accepted'`));
    t.is(await page.evaluate(`document.querySelector('#case-status .deadline')?.dataset.deadline`), DEADLINE);
    // Overdue is the server's mark by its business date: this PC's own date is long past the deadline.
    t.false(await page.evaluate(`document.querySelector('#case-status .deadline').classList.contains('overdue')`));
    clock = new Date('2026-03-18T09:00:00+08:00');
    await page.evaluate(`(() => { const view = document.getElementById('cases-view'); view.value = 'accepted'; view.dispatchEvent(new Event('change')); })()`);
    t.true(await page.waitFor(`!!document.querySelector('${caseEntry} .deadline.overdue')`), 'marked once the server is past the deadline');
    t.regex(await text(page, caseEntry), /已超期/);
    clock = NOW;
    t.is(await page.evaluate(`document.getElementById('fee-status')?.dataset.fee`), 'unpaid');

    await click(page, '#case-complete');
    t.true(
      await page.waitFor(`!document.getElementById('toast').hidden && document.getElementById('toast').classList.contains('error')`),
      'an unpaid case cannot be completed',
    );

    await page.screenshot(path.join(os.tmpdir(), 'onetrip-staff-workbench-case.png'));
    await page.evaluate(`document.getElementById('pay-method').value = 'cash'`);
    await page.focus('#pay-receipt');
    await page.type('R20260310-0001');
    t.is(await page.evaluate(`document.getElementById('pay-amount').value`), '20.00');
    await page.press('Enter');
    t.true(await page.waitFor(`document.getElementById('fee-status')?.dataset.fee === 'paid_at_window'`));
    t.regex(await text(page, '#fee-status'), /20\.00 元.*R20260310-0001/);
    await click(page, '#case-complete');
    t.true(await page.waitFor(`document.getElementById('case-status')?.dataset.status === 'completed'`));
    t.true(await fitsWidth(page));

    const done = await app.request('GET', `/api/v1/staff/applications/${applicationId}`, { token: clerk.token });
    t.is(done.body.status, 'completed');
    t.like(done.body.fee, { amountFen: 2000, status: 'paid_at_window', method: 'cash', receiptNo: 'R20260310-0001' });
    t.is(done.body.deadline, DEADLINE);
  } finally {
    await page.close();
  }
});
