// 现场办件: a case accepted at the window without online pre-review (POST /staff/cases), for an
// item of the department and a named applicant (a person or a company).
import { api } from './api.js';
import { el, run, toast } from './dom.js';
import { departmentItems } from './catalogue.js';

/** A small form; `onCreated(application)` shows the accepted case. */
export function walkInCaseForm(staff, onCreated) {
  const item = el('select', { id: 'walkin-case-item', title: '事项' });
  const name = el('input', { id: 'walkin-case-name', placeholder: '申请人姓名或单位名称', maxlength: '100', autocomplete: 'off' });
  const company = el('input', { id: 'walkin-case-company', type: 'checkbox' });
  const submit = el('button', { type: 'submit', id: 'walkin-case-submit' }, '现场受理');
  const form = el('form', { className: 'inline-form', id: 'walkin-case-form' }, item, name, el('label', {}, company, ' 单位'), submit);
  departmentItems(staff)
    .then((items) => item.replaceChildren(...items.map((i) => el('option', { value: i.code }, i.name))))
    .catch(() => {});
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!name.value.trim()) return toast('请填写申请人', 'error');
    run(submit, async () => {
      const created = await api('POST', '/staff/cases', { itemCode: item.value, applicantName: name.value.trim(), applicantIsCompany: company.checked });
      toast(`已现场受理，办结期限 ${created.deadline ?? '—'}`);
      name.value = '';
      company.checked = false;
      onCreated(created);
    });
  });
  return form;
}
