// The workbench shell: sign-in, the four panels as tabs, and the keyboard: Enter calls the next
// ticket when the focus is not in a field or on a button; Alt+1…4 switch tabs.
import { clearSession, session } from './api.js';
import { $ } from './dom.js';
import { setUpLogin, showLogin } from './login.js';
import { appointmentsPanel } from './appointments.js';
import { queuePanel } from './queue.js';
import { reviewPanel } from './review.js';
import { casesPanel } from './cases.js';

const ROLE = { window: '窗口人员', dept_admin: '部门管理员', center_admin: '中心管理员' };
const FACTORIES = { appointments: appointmentsPanel, queue: queuePanel, review: reviewPanel, cases: casesPanel };
let panels = {};
let current = null;

function showTab(name) {
  if (!panels[name]) return;
  current = name;
  for (const button of document.querySelectorAll('#tabs [data-tab]')) button.setAttribute('aria-selected', String(button.dataset.tab === name));
  for (const [key, panel] of Object.entries(panels)) {
    $(`panel-${key}`).hidden = key !== name;
    if (key === name) panel.show();
    else panel.hide?.();
  }
}

function start(value) {
  for (const panel of Object.values(panels)) panel.stop?.();
  $('login').hidden = true;
  $('app').hidden = false;
  const staff = value.staff;
  $('who').textContent = `${staff.name}（${ROLE[staff.role] || staff.role}${staff.department ? ' · ' + staff.department : ''}）`;
  panels = {};
  for (const [key, make] of Object.entries(FACTORIES)) {
    const root = $(`panel-${key}`);
    root.textContent = '';
    panels[key] = make(root, staff);
  }
  showTab(current && panels[current] ? current : 'appointments');
}

function signOut() {
  for (const panel of Object.values(panels)) panel.stop?.();
  panels = {};
  clearSession();
  showLogin();
}

function typing(target) {
  if (!target || target === document.body) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'IFRAME', 'EMBED', 'OBJECT'].includes(target.tagName);
}

document.addEventListener('keydown', (event) => {
  if ($('app').hidden) return;
  if (event.altKey && /^[1-4]$/.test(event.key)) {
    event.preventDefault();
    showTab(['appointments', 'queue', 'review', 'cases'][Number(event.key) - 1]);
    return;
  }
  if (event.key === 'Enter' && !event.ctrlKey && !event.altKey && !event.shiftKey && !typing(document.activeElement)) {
    event.preventDefault();
    if (current !== 'queue') showTab('queue');
    panels.queue?.callNext();
  }
});

$('tabs').addEventListener('click', (event) => {
  const tab = event.target.closest('[data-tab]');
  if (tab) showTab(tab.dataset.tab);
});
$('logout').addEventListener('click', signOut);
window.addEventListener('staff:signed-out', () => signOut());
setUpLogin(start);

const saved = session();
if (saved?.token) start(saved);
else showLogin();
