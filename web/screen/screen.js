// Lobby screen: polls /api/v1/screens/:hallCode with the device token (If-None-Match → 304),
// shows every window of the hall with its call and waiting count, the latest call in a banner
// of its own (it never covers the figures), announces new calls and recalls aloud, and keeps
// the last snapshot with a "连接中断" mark while the API cannot be reached, recovering by itself.
import { createAnnouncer } from './announce.js';
import { createClock } from './clock.js';
import { fitGrid, fitText, tickerIfLong, trimList } from './layout.js';

const hallCode = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const params = new URLSearchParams(location.search);
const token = params.get('token') || '';
const interval = Math.max(500, Number(params.get('interval')) || 2000);
const RECENT_KEPT = 12;
/** How long one page of windows shows, where a hall has more windows than one page holds. */
const pageMs = Math.max(2000, (Number(params.get('page')) || 8) * 1000);

const $ = (id) => document.getElementById(id);
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const clock = createClock($('date'), $('clock'));
const announcer = createAnnouncer($('voice-hint'));
let etag = null;
let last = null;
/** Per window the call last shown, `ticketNo|announcedAt`: a new value is a call or a recall. */
const shownCalls = new Map();
/** The latest calls, newest first: {ticketNo, windowCode, name, key}. */
let recent = [];
let cards = new Map();
let layoutKey = '';
let perPage = 1;
let pageIndex = 0;
let pageTimer = null;

function setOnline(online, message) {
  document.body.classList.toggle('offline', !online);
  $('status').hidden = online;
  if (!online) $('status').textContent = message || '连接中断';
}

/** A window's name without its code in front ("G03 交通运输窗口" → "交通运输窗口"). */
const labelOf = (w) => (w.name.startsWith(w.code) ? w.name.slice(w.code.length).trim() : w.name) || w.name;
const callKey = (call) => (call ? `${call.ticketNo}|${call.announcedAt || call.calledAt}` : '');
const callTime = (call) => call.announcedAt || call.calledAt || '';

function buildCards(windows) {
  const grid = $('windows');
  grid.textContent = '';
  cards = new Map();
  for (const w of windows) {
    const card = el('div', 'window');
    card.dataset.window = w.code;
    const head = el('div', 'head');
    const parts = { code: el('div', 'code fit', w.code), wait: el('div', 'wait fit'), current: el('div', 'current fit'), label: el('div', 'label fit') };
    head.append(parts.code, parts.wait);
    card.append(head, parts.current, parts.label);
    grid.appendChild(card);
    cards.set(w.code, { card, ...parts });
  }
  perPage = fitGrid(grid, windows.length);
  pageIndex = 0;
  showPage();
  clearInterval(pageTimer);
  if (windows.length > perPage) {
    pageTimer = setInterval(() => {
      pageIndex++;
      showPage();
      refit();
    }, pageMs);
  }
}

/** Shows the cards of page `pageIndex`: every window is on screen once per cycle of pages. */
function showPage() {
  const all = [...cards.values()];
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  pageIndex %= pages;
  all.forEach((c, i) => (c.card.hidden = Math.floor(i / perPage) !== pageIndex));
  $('page-info').hidden = pages === 1;
  $('page-info').textContent = `窗口 第 ${pageIndex + 1}/${pages} 页`;
}

function waitingByWindow(groups) {
  const counts = new Map();
  for (const g of groups) for (const code of g.windows) counts.set(code, (counts.get(code) || 0) + g.count);
  return counts;
}

function renderWindows(snapshot, announceNew) {
  const key = snapshot.windows.map((w) => w.code).join(',');
  if (key !== layoutKey) {
    buildCards(snapshot.windows);
    layoutKey = key;
  }
  const waiting = waitingByWindow(snapshot.waiting);
  const fresh = [];
  for (const w of snapshot.windows) {
    const card = cards.get(w.code);
    card.current.textContent = w.current ? w.current.ticketNo : '—';
    card.label.textContent = labelOf(w);
    card.wait.textContent = waiting.has(w.code) ? `等候 ${waiting.get(w.code)}` : '';
    card.card.classList.toggle('calling', Boolean(w.current));
    const shown = callKey(w.current);
    if (shown && shownCalls.get(w.code) !== shown && announceNew) {
      fresh.push({ ticketNo: w.current.ticketNo, windowCode: w.code, name: w.name, key: shown });
      flash(card.card);
    }
    shownCalls.set(w.code, shown);
  }
  return fresh;
}

function flash(node) {
  node.classList.remove('new-call');
  void node.offsetWidth; // restarts the animation on a recall
  node.classList.add('new-call');
  clearTimeout(node.flashTimer);
  node.flashTimer = setTimeout(() => node.classList.remove('new-call'), 5000);
}

function renderBanner(fresh) {
  const banner = $('call-banner');
  const latest = recent[0];
  banner.classList.toggle('idle', !latest);
  $('call-ticket').textContent = latest ? latest.ticketNo : '—';
  $('call-window').textContent = latest ? `请到 ${latest.windowCode} 窗口` : '请留意叫号信息';
  $('call-label').textContent = latest ? latest.name : '';
  if (fresh.length) flash(banner);
}

function renderRecent() {
  const list = $('recent');
  list.textContent = '';
  for (const call of recent) {
    const row = el('li');
    row.append(el('span', 'ticket fit', call.ticketNo), el('span', 'to fit', call.name));
    list.appendChild(row);
  }
}

function render(snapshot) {
  const first = last === null;
  last = snapshot;
  clock.setZone(snapshot.timeZone);
  announcer.setEnabled(!snapshot.screen || snapshot.screen.speech !== false);
  // The first snapshot after loading is what was already called: shown, not announced.
  const fresh = renderWindows(snapshot, !first);
  if (first) {
    recent = snapshot.windows
      .filter((w) => w.current)
      .map((w) => ({ ticketNo: w.current.ticketNo, windowCode: w.code, name: w.name, key: callKey(w.current), at: callTime(w.current) }))
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  } else {
    // A recall moves its call to the top instead of listing it twice.
    recent = [...fresh, ...recent.filter((c) => !fresh.some((f) => f.windowCode === c.windowCode && f.ticketNo === c.ticketNo))];
  }
  recent = recent.slice(0, RECENT_KEPT);
  renderBanner(fresh);
  renderRecent();
  const today = snapshot.today;
  $('today-booked').textContent = today.booked;
  $('today-arrived').textContent = today.arrived;
  $('today-waiting').textContent = snapshot.waiting.reduce((sum, g) => sum + g.count, 0);
  $('today-served').textContent = today.served;
  $('today-wait').textContent = today.averageWaitMinutes === null ? '-' : `${today.averageWaitMinutes} 分钟`;
  const hotline = snapshot.hotline;
  $('hotline-satisfied').textContent = !hotline || hotline.satisfactionRate === null ? '-' : `${(hotline.satisfactionRate * 100).toFixed(1)}%`;
  $('announcements').textContent = snapshot.announcements.map((a) => a.text).join('　　');
  refit();
  announcer.announce(fresh);
}

/** Fits texts and lists to their boxes: after each change and once the web font is in. */
function refit() {
  fitText(document.body);
  trimList($('recent'));
  tickerIfLong($('announcements'));
  document.body.dataset.fitted = String(Date.now());
}

async function poll() {
  const headers = { 'X-Screen-Token': token };
  if (etag) headers['If-None-Match'] = etag;
  const sentAt = Date.now();
  try {
    const response = await fetch(`/api/v1/screens/${encodeURIComponent(hallCode)}`, { headers, cache: 'no-store' });
    clock.setServerTime(response.headers.get('X-Server-Time'), sentAt, Date.now());
    if (response.status === 304) setOnline(true);
    else if (response.status === 401 || response.status === 403) setOnline(false, '设备未授权');
    else if (!response.ok) throw new Error(`HTTP ${response.status}`);
    else {
      const snapshot = await response.json();
      etag = response.headers.get('ETag');
      render(snapshot);
      setOnline(true);
    }
  } catch {
    setOnline(false);
  }
  setTimeout(poll, interval);
}

$('hall-title').textContent = `政务服务中心 · ${hallCode} 叫号大屏`;
document.fonts.addEventListener('loadingdone', () => last && refit());
/** The page is laid out for 1920×1080; a display of another size sees it scaled whole. */
function scaleToDisplay() {
  const scale = Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
  document.body.style.transform = Math.abs(scale - 1) < 0.01 ? '' : `scale(${scale})`;
}
window.addEventListener('resize', scaleToDisplay);
scaleToDisplay();
clock.start();
poll();
