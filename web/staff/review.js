// 网上预审: applications waiting for review, one opened with its materials previewed inline, and
// the three decisions: 通过, 一次性告知补正 (the missing or wrong materials picked from the item's
// materials list, each with a note, plus a general note), 不予通过 (with a reason).
import { api, enc } from './api.js';
import { el, latestOnly, run, toast } from './dom.js';
import { itemGuide } from './catalogue.js';
import { releasePreviews, showPreview } from './preview.js';

export function reviewPanel(root) {
  const list = el('ul', { className: 'list', id: 'review-list' });
  const detail = el('div', { className: 'detail', id: 'review-detail' }, el('p', { className: 'muted' }, '从左侧选择一件待预审的申请'));
  const refresh = el('button', { type: 'button', onclick: () => load() }, '刷新');
  root.append(el('div', { className: 'split' }, el('aside', {}, el('div', { className: 'toolbar' }, el('h2', {}, '待预审'), refresh), list), detail));

  const begin = latestOnly();
  async function load() {
    await run(refresh, async () => {
      const isLatest = begin();
      const page = await api('GET', '/staff/applications?status=submitted&pageSize=50');
      if (!isLatest()) return;
      list.replaceChildren(
        ...page.items.map((a) =>
          el(
            'li',
            {},
            el(
              'button',
              { type: 'button', className: 'list-item', dataset: { application: a.id }, onclick: () => open(a.id) },
              el('strong', {}, a.itemName),
              el('span', { className: 'muted' }, `${a.applicantName || '—'} · ${a.materials.length} 份材料`),
            ),
          ),
        ),
      );
      if (!page.items.length) list.append(el('li', { className: 'muted' }, '暂无待预审的申请'));
    });
  }

  async function open(id) {
    releasePreviews();
    detail.replaceChildren(el('p', { className: 'muted' }, '加载中…'));
    try {
      const application = await api('GET', `/staff/applications/${enc(id)}`);
      render(application, await itemGuide(application.itemCode).catch(() => ({ materials: [] })));
    } catch (error) {
      detail.replaceChildren(el('p', { className: 'error' }, error.message));
    }
  }

  function render(application, guide) {
    const preview = el('div', { className: 'preview', id: 'material-preview' }, el('p', { className: 'muted' }, '点击材料名称预览'));
    const uploaded = new Map(application.materials.map((m) => [m.materialName, m]));
    const materials = el(
      'ul',
      { className: 'materials', id: 'review-materials' },
      application.materials.map((m) =>
        el(
          'li',
          {},
          el(
            'button',
            { type: 'button', className: 'link', dataset: { material: m.materialName }, onclick: () => showPreview(preview, application.id, m) },
            m.materialName,
          ),
          el('span', { className: 'muted' }, ` ${m.filename} · ${Math.ceil(m.size / 1024)} KB`),
        ),
      ),
    );
    // One row per material of the item's list: pre-ticked when a required one was not uploaded.
    const picks = (guide.materials || []).map((m) => {
      const box = el('input', { type: 'checkbox', value: m.name, checked: m.required && !uploaded.has(m.name), dataset: { missing: m.name } });
      const note = el('input', { type: 'text', placeholder: '说明（如：照片页不清晰）', maxlength: '200', dataset: { missingNote: m.name } });
      const label = `${m.name}${m.required ? '' : '（非必需）'}${uploaded.has(m.name) ? ' · 已上传' : ' · 未上传'}`;
      return { box, note, row: el('div', { className: 'pick' }, el('label', {}, box, ' ', label), note) };
    });
    const note = el('textarea', { id: 'review-note', rows: '2', maxlength: '500', placeholder: '审核意见（不予通过须填写理由）' });
    const decide = (decision) => async (event) => {
      const body = { decision, note: note.value.trim() };
      if (decision === 'supplement') {
        body.missing = picks.filter((p) => p.box.checked).map((p) => ({ materialName: p.box.value, note: p.note.value.trim() }));
        if (!body.missing.length) return toast('请勾选需要补正的材料（一次性告知须列明全部）', 'error');
      }
      if (decision === 'reject' && !body.note) {
        note.focus();
        return toast('不予通过须填写理由', 'error');
      }
      await run(event.currentTarget, async () => {
        const answer = await api('POST', `/staff/applications/${enc(application.id)}/review`, body);
        toast({ approve: '预审通过', supplement: '已发送一次性告知', reject: '已不予通过' }[decision] + `：${answer.itemName}`);
        releasePreviews();
        detail.replaceChildren(el('p', { className: 'muted', id: 'review-done', dataset: { status: answer.status } }, `已处理：${answer.itemName}`));
        await load();
      });
    };
    detail.replaceChildren(
      el('h2', {}, application.itemName, ' ', el('span', { className: 'muted' }, application.applicantName || '')),
      el(
        'div',
        { className: 'review-grid' },
        el(
          'div',
          {},
          el('h3', {}, '已上传材料'),
          materials,
          el('h3', {}, '一次性告知：勾选缺少或有误的材料'),
          el(
            'div',
            { id: 'supplement-picks' },
            picks.map((p) => p.row),
          ),
          note,
          el(
            'div',
            { className: 'actions' },
            el('button', { type: 'button', id: 'review-approve', className: 'primary', onclick: decide('approve') }, '通过'),
            el('button', { type: 'button', id: 'review-supplement', onclick: decide('supplement') }, '一次性告知补正'),
            el('button', { type: 'button', id: 'review-reject', className: 'danger', onclick: decide('reject') }, '不予通过'),
          ),
        ),
        preview,
      ),
    );
  }

  return {
    show() {
      load();
    },
    hide() {
      releasePreviews();
    },
  };
}
