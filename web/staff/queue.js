// The window queue: the current ticket with 重呼 / 过号 / 转窗 / 完成, 叫下一号 (also Enter), the
// waiting list in call order and the skipped tickets, refreshed by polling every few seconds;
// and a walk-in ticket (现场取号), optionally a 绿色通道 one.
import { api, enc } from './api.js';
import { PRIORITY, SOURCE, el, latestOnly, prioritySelect, run, toast } from './dom.js';
import { departmentItems, windowGroups } from './catalogue.js';

const POLL_MS = 3000;

export function queuePanel(root, staff) {
  const storedWindow = window.sessionStorage.getItem('onetrip.staff.window');
  const windowPick = staff.windows.length
    ? el(
        'select',
        { id: 'queue-window' },
        staff.windows.map((w) => el('option', { value: w, selected: w === storedWindow }, w)),
      )
    : el('input', { id: 'queue-window', placeholder: '窗口编号', value: storedWindow || '', size: '10' });
  const title = el('span', { id: 'queue-title', className: 'muted' });
  const status = el('span', { id: 'queue-status', className: 'muted' });
  const callButton = el('button', { type: 'button', id: 'call-next', className: 'primary big', title: 'Enter' }, '叫下一号（Enter）');
  const current = el('div', { id: 'queue-current', className: 'current-ticket' });
  const waiting = el('tbody', { id: 'queue-waiting' });
  const skipped = el('tbody', { id: 'queue-skipped' });
  const groupList = el('datalist', { id: 'transfer-groups' });
  const groupPick = el('input', { id: 'transfer-group', list: 'transfer-groups', placeholder: '窗口组，如 W01+W02', autocomplete: 'off', size: '18' });
  const walkInItem = el('select', { id: 'walkin-item', title: '事项' });
  const walkInPriority = prioritySelect('walkin-priority');
  const walkInButton = el('button', { type: 'button', id: 'walkin-submit' }, '现场取号');

  root.append(
    el('div', { className: 'toolbar' }, el('label', {}, '窗口 ', windowPick), title, status),
    el(
      'div',
      { className: 'queue-layout' },
      el('div', { className: 'queue-main' }, current, el('div', { className: 'actions' }, callButton)),
      el(
        'div',
        { className: 'queue-lists' },
        el('h2', {}, '等候队列（叫号顺序）'),
        el(
          'table',
          { className: 'rows' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ['号码', '事项', '来源', '等候', ''].map((h) => el('th', {}, h)),
            ),
          ),
          waiting,
        ),
        el('h2', {}, '过号'),
        el('table', { className: 'rows' }, skipped),
        el('div', { className: 'toolbar' }, el('label', {}, '转窗至 ', groupPick), groupList),
        el('div', { className: 'toolbar' }, walkInItem, walkInPriority, walkInButton),
      ),
    ),
  );

  let timer = null;
  let lastGroup = null;
  let lastSeen = '';
  const code = () => windowPick.value.trim();

  function badge(ticket) {
    return [
      ticket.priority ? el('span', { className: 'badge priority' }, `绿色通道·${PRIORITY[ticket.priority] || ticket.priority}`) : null,
      el('span', { className: 'badge' }, SOURCE[ticket.source] || ticket.source),
    ];
  }

  const act = (button, path, body, message) =>
    run(button, async () => {
      const ticket = await api('POST', path, body);
      if (message) toast(message(ticket));
      await load();
      return ticket;
    });

  function transfer(button, ticket) {
    const group = groupPick.value.trim();
    if (!group) {
      groupPick.focus();
      return toast('请先填写转往的窗口组', 'error');
    }
    return act(button, `/staff/tickets/${enc(ticket.id)}/transfer`, { windowGroup: group }, (t) => `${t.ticketNo} 已转至 ${group}`);
  }

  function renderCurrent(ticket) {
    if (!ticket) {
      current.replaceChildren(el('div', { className: 'ticket-no huge muted' }, '—'), el('div', { className: 'muted' }, '当前无办理中的号码'));
      return;
    }
    const button = (label, id, onclick) => el('button', { type: 'button', id, onclick: (e) => onclick(e.currentTarget) }, label);
    current.replaceChildren(
      el('div', { className: 'ticket-no huge', id: 'current-ticket-no', dataset: { ticket: ticket.id } }, ticket.ticketNo),
      el('div', {}, ticket.itemName || ticket.itemCode || '', ' ', badge(ticket)),
      el('div', { className: 'muted' }, `已呼叫 ${ticket.callCount ?? 1} 次 · 等候 ${ticket.waitingMinutes ?? 0} 分钟`),
      el(
        'div',
        { className: 'actions' },
        button('重呼', 'ticket-recall', (b) => act(b, `/staff/tickets/${enc(ticket.id)}/recall`, undefined, (t) => `已重呼 ${t.ticketNo}`)),
        button('过号', 'ticket-skip', (b) => act(b, `/staff/tickets/${enc(ticket.id)}/skip`, undefined, (t) => `${t.ticketNo} 已过号`)),
        button('转窗', 'ticket-transfer', (b) => transfer(b, ticket)),
        button('完成', 'ticket-serve', (b) => act(b, `/staff/tickets/${enc(ticket.id)}/serve`, undefined, (t) => `${t.ticketNo} 已办理完成`)),
      ),
    );
  }

  function ticketRow(ticket, actions) {
    return el(
      'tr',
      { dataset: { ticket: ticket.id } },
      el('td', { className: 'ticket-no' }, ticket.ticketNo),
      el('td', {}, ticket.itemName || ticket.itemCode || ''),
      el('td', {}, badge(ticket)),
      el('td', {}, `${ticket.waitingMinutes ?? 0} 分钟`),
      el('td', {}, actions),
    );
  }

  /** Fills the transfer choices with the groups this window does not serve. */
  function renderGroups(own) {
    const key = own.join(' ');
    if (key === lastGroup) return;
    lastGroup = key;
    departmentItems(staff)
      .then((items) => walkInItem.replaceChildren(...items.map((i) => el('option', { value: i.code }, i.name))))
      .catch(() => {});
    windowGroups(staff)
      .then((list) => groupList.replaceChildren(...list.filter((g) => !own.includes(g.code)).map((g) => el('option', { value: g.code }, g.names))))
      .catch(() => {});
  }

  const begin = latestOnly();
  async function load() {
    if (!code()) return;
    try {
      const isLatest = begin();
      const queue = await api('GET', `/staff/windows/${enc(code())}/queue`);
      if (!isLatest()) return;
      status.textContent = '';
      // A poll that changed nothing leaves the buttons alone, so a keyboard user keeps their focus.
      const seen = JSON.stringify(queue);
      if (seen === lastSeen) return;
      lastSeen = seen;
      const focused = root.contains(document.activeElement) ? document.activeElement.id : '';
      title.textContent = `${queue.window.name} · 窗口组 ${queue.window.windowGroup} · 等候 ${queue.waiting.length} 人`;
      renderCurrent(queue.current);
      waiting.replaceChildren(
        ...queue.waiting.map((t) => ticketRow(t, el('button', { type: 'button', className: 'small', onclick: (e) => transfer(e.currentTarget, t) }, '转窗'))),
      );
      if (!queue.waiting.length) waiting.append(el('tr', {}, el('td', { colspan: '5', className: 'muted' }, '暂无等候')));
      skipped.replaceChildren(
        ...queue.skipped.map((t) =>
          ticketRow(
            t,
            el(
              'button',
              {
                type: 'button',
                className: 'small',
                onclick: (e) => act(e.currentTarget, `/staff/tickets/${enc(t.id)}/requeue`, undefined, (x) => `${x.ticketNo} 已重新排队`),
              },
              '到场·重新排队',
            ),
          ),
        ),
      );
      renderGroups(queue.window.windowGroups ?? [queue.window.windowGroup]);
      if (focused && !root.contains(document.activeElement)) document.getElementById(focused)?.focus();
    } catch (error) {
      status.textContent = `队列刷新失败：${error.message}`;
    }
  }

  async function callNext() {
    if (!code()) return toast('请先选择窗口', 'error');
    return act(callButton, `/staff/windows/${enc(code())}/call-next`, undefined, (t) => `请 ${t.ticketNo} 号到窗口办理`);
  }

  callButton.addEventListener('click', () => callNext());
  walkInButton.addEventListener('click', () =>
    act(
      walkInButton,
      '/staff/tickets',
      { itemCode: walkInItem.value, ...(walkInPriority.value ? { priority: walkInPriority.value } : {}) },
      (t) => `已取号 ${t.ticketNo}`,
    ),
  );
  windowPick.addEventListener('change', () => {
    window.sessionStorage.setItem('onetrip.staff.window', code());
    lastGroup = null;
    lastSeen = '';
    load();
  });

  return {
    show() {
      load();
      clearInterval(timer);
      timer = setInterval(() => document.visibilityState === 'visible' && load(), POLL_MS);
    },
    hide() {
      clearInterval(timer);
    },
    stop() {
      clearInterval(timer);
    },
    callNext,
  };
}
