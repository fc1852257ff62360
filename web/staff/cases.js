// 受理与办结: approved applications to accept (the deadline is set in working days), accepted
// cases to complete with the on-site visits count, the deadline shown, and the fee settled at
// the window first when the item charges one; and a case accepted on the spot (现场办件).
import { api, enc } from './api.js';
import { APPLICATION_STATUS, el, latestOnly, run, toast } from './dom.js';
import { feeSection } from './payment.js';
import { walkInCaseForm } from './walk-in-case.js';

const VIEWS = { approved: '待受理', accepted: '办理中' };

function deadlineText(application) {
  if (!application.deadline) return '';
  // The server's mark, by the center's business date: a window PC's clock may be wrong.
  const overdue = application.overdue === true;
  return el(
    'span',
    { className: overdue ? 'deadline overdue' : 'deadline', dataset: { deadline: application.deadline } },
    `办结期限 ${application.deadline}${overdue ? '（已超期）' : ''}`,
  );
}

export function casesPanel(root, staff) {
  const view = el(
    'select',
    { id: 'cases-view' },
    Object.entries(VIEWS).map(([value, label]) => el('option', { value }, label)),
  );
  const refresh = el('button', { type: 'button', onclick: () => load() }, '刷新');
  const list = el('ul', { className: 'list', id: 'cases-list' });
  const detail = el('div', { className: 'detail', id: 'case-detail' }, el('p', { className: 'muted' }, '从左侧选择一件申请'));
  const onSpot = walkInCaseForm(staff, (created) => {
    view.value = 'accepted';
    load();
    render(created);
  });
  root.append(
    el('div', { className: 'toolbar' }, el('h2', {}, '现场办件'), onSpot),
    el('div', { className: 'split' }, el('aside', {}, el('div', { className: 'toolbar' }, view, refresh), list), detail),
  );
  view.addEventListener('change', () => load());

  const begin = latestOnly();
  async function load() {
    await run(refresh, async () => {
      const isLatest = begin();
      const page = await api('GET', `/staff/applications?status=${enc(view.value)}&pageSize=50`);
      if (!isLatest()) return;
      list.replaceChildren(
        ...page.items.map((a) =>
          el(
            'li',
            {},
            el(
              'button',
              { type: 'button', className: 'list-item', dataset: { application: a.id }, onclick: () => render(a) },
              el('strong', {}, a.itemName),
              el('span', { className: 'muted' }, a.applicantName || '—', ' ', deadlineText(a)),
            ),
          ),
        ),
      );
      if (!page.items.length) list.append(el('li', { className: 'muted' }, `暂无${VIEWS[view.value]}的申请`));
    });
  }

  function render(application) {
    const actions = el('div', { className: 'actions' });
    if (application.status === 'approved') {
      actions.append(
        el(
          'button',
          {
            type: 'button',
            id: 'case-accept',
            className: 'primary',
            onclick: (e) =>
              run(e.currentTarget, async () => {
                const accepted = await api('POST', `/staff/applications/${enc(application.id)}/accept`);
                toast(`已受理，办结期限 ${accepted.deadline ?? '—'}`);
                render(accepted);
                load();
              }),
          },
          '受理',
        ),
      );
    }
    if (application.status === 'accepted') {
      const visits = el('input', { id: 'case-visits', type: 'number', min: '0', max: '20', value: '1', size: '3' });
      actions.append(
        el('label', {}, '到现场次数 ', visits),
        el(
          'button',
          {
            type: 'button',
            id: 'case-complete',
            className: 'primary',
            onclick: (e) =>
              run(e.currentTarget, async () => {
                const done = await api('POST', `/staff/applications/${enc(application.id)}/complete`, { onsiteVisits: Number(visits.value) });
                toast(done.onTime === false ? '已办结（超期）' : '已办结');
                render(done);
                load();
              }),
          },
          '办结',
        ),
      );
    }
    detail.replaceChildren(
      el('h2', {}, application.itemName, ' ', el('span', { className: 'muted' }, application.applicantName || '')),
      el(
        'p',
        { id: 'case-status', dataset: { status: application.status } },
        `状态：${APPLICATION_STATUS[application.status] || application.status}`,
        ' ',
        deadlineText(application),
      ),
      el(
        'p',
        { className: 'muted' },
        application.acceptedDate ? `受理日期 ${application.acceptedDate}` : '',
        application.completedDate ? ` · 办结日期 ${application.completedDate}${application.onTime === false ? '（超期）' : ''}` : '',
      ),
      feeSection(application, (updated) => render(updated)),
      actions,
    );
  }

  return {
    show() {
      load();
    },
  };
}
