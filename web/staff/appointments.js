// Today's appointments in scope, and check-in: typing the check-in code or scanning it (a
// scanner types the code and Enter), or the row's button. The server decides what "today" is.
import { api, enc } from './api.js';
import { APPOINTMENT_STATUS, el, latestOnly, prioritySelect, run, toast } from './dom.js';

export function appointmentsPanel(root, staff) {
  const code = el('input', { id: 'checkin-code', placeholder: '输入或扫描签到码后回车', autocomplete: 'off', spellcheck: 'false', maxlength: '64' });
  const priority = prioritySelect('checkin-priority');
  const submit = el('button', { type: 'submit', className: 'primary', id: 'checkin-submit' }, '签到取号');
  const result = el('div', { id: 'checkin-result', className: 'result', 'aria-live': 'polite' });
  const windowFilter = el(
    'select',
    { id: 'appointments-window', title: '窗口' },
    el('option', { value: '' }, '全部窗口'),
    staff.windows.map((w) => el('option', { value: w }, w)),
  );
  const refresh = el('button', { type: 'button', onclick: () => load() }, '刷新');
  const summary = el('span', { className: 'muted', id: 'appointments-summary' });
  const body = el('tbody', { id: 'appointments-rows' });

  const form = el('form', { className: 'checkin', id: 'checkin-form' }, el('label', {}, '签到码 ', code), priority, submit, result);
  root.append(
    form,
    el('div', { className: 'toolbar' }, el('h2', {}, '今日预约'), windowFilter, refresh, summary),
    el(
      'table',
      { className: 'rows' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['时段', '事项', '申请人', '状态', '号码', ''].map((h) => el('th', {}, h)),
        ),
      ),
      body,
    ),
  );

  function withPriority() {
    return priority.value ? { priority: priority.value } : {};
  }

  async function checkedIn(answer) {
    result.textContent = `签到成功，号码 ${answer.ticketNo}`;
    toast(`签到成功，号码 ${answer.ticketNo}`);
    priority.value = '';
    await load();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = code.value.trim().toUpperCase();
    if (!value) return;
    result.textContent = '';
    run(submit, async () => {
      const answer = await api('POST', '/staff/check-in', { checkInCode: value, ...withPriority() });
      code.value = '';
      await checkedIn(answer);
    }).finally(() => code.focus());
  });
  windowFilter.addEventListener('change', () => load());

  function row(a) {
    const button =
      a.status === 'booked'
        ? el(
            'button',
            {
              type: 'button',
              onclick: (event) =>
                run(event.currentTarget, async () => checkedIn(await api('POST', `/staff/appointments/${enc(a.id)}/check-in`, withPriority()))),
            },
            '签到',
          )
        : null;
    return el(
      'tr',
      { dataset: { appointment: a.id, status: a.status } },
      el('td', {}, `${a.start}–${a.end}`),
      el('td', {}, a.itemName),
      el('td', {}, a.citizenName || '—'),
      el('td', {}, APPOINTMENT_STATUS[a.status] || a.status),
      el('td', { className: 'ticket-no' }, a.ticketNo || ''),
      el('td', {}, button),
    );
  }

  const begin = latestOnly();
  async function load() {
    const query = new URLSearchParams({ pageSize: '100' });
    if (windowFilter.value) query.set('window', windowFilter.value);
    await run(refresh, async () => {
      const isLatest = begin();
      const page = await api('GET', `/staff/appointments?${query}`);
      if (!isLatest()) return;
      body.replaceChildren(...page.items.map(row));
      if (!page.items.length) body.append(el('tr', {}, el('td', { colspan: '6', className: 'muted' }, '今日暂无预约')));
      const waiting = page.items.filter((a) => a.status === 'booked').length;
      summary.textContent = `${page.items[0]?.date ?? ''} 共 ${page.total} 个预约，待签到 ${waiting} 个${page.total > page.items.length ? '（仅显示前 100 个）' : ''}`;
    });
  }

  return {
    show() {
      load();
      code.focus();
    },
  };
}
