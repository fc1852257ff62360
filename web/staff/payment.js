// 窗口缴费: the fee of an application and, while unpaid, recording a payment made at the window
// (POS or cash, with the receipt number) or a fee waiver with its reason and legal basis.
import { api, enc } from './api.js';
import { FEE_STATUS, el, run, toast, yuan } from './dom.js';

/** The fee section of `application`; `onChange(updated)` runs after a recorded payment or waiver. */
export function feeSection(application, onChange) {
  const fee = application.fee;
  if (!fee) return el('p', { className: 'muted', id: 'fee-status' }, application.paid ? '费用：已缴费' : '费用：—');
  const head = el(
    'p',
    { id: 'fee-status', dataset: { fee: fee.status } },
    `费用：${fee.amountFen ? yuan(fee.amountFen) + ' 元' : '不收费'} · ${FEE_STATUS[fee.status] || fee.status}`,
    fee.receiptNo ? ` · 票据号 ${fee.receiptNo}` : '',
    fee.reason ? ` · 减免理由 ${fee.reason}` : '',
  );
  if (fee.status !== 'unpaid') return el('div', { className: 'fee' }, head);

  const method = el('select', { id: 'pay-method' }, el('option', { value: 'pos' }, 'POS 刷卡'), el('option', { value: 'cash' }, '现金'));
  const receipt = el('input', { id: 'pay-receipt', placeholder: '票据号/POS 凭条号', maxlength: '64', autocomplete: 'off' });
  const amount = el('input', { id: 'pay-amount', type: 'number', min: '0', step: '0.01', value: yuan(fee.amountFen), size: '8' });
  const pay = el('button', { type: 'submit', id: 'pay-submit', className: 'primary' }, '记录窗口缴费');
  const reason = el('input', { id: 'waive-reason', placeholder: '减免理由', maxlength: '200' });
  const basis = el('input', { id: 'waive-basis', placeholder: '法定依据（如：××条例第×条）', maxlength: '200' });
  const waive = el('button', { type: 'submit', id: 'waive-submit' }, '减免费用');

  const payForm = el('form', { className: 'inline-form', id: 'pay-form' }, method, receipt, el('label', {}, '金额（元）', amount), pay);
  payForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const amountFen = Math.round(Number(amount.value) * 100);
    if (!receipt.value.trim()) return toast('请填写票据号', 'error');
    run(pay, async () => {
      const updated = await api('POST', `/staff/applications/${enc(application.id)}/window-payment`, {
        method: method.value,
        receiptNo: receipt.value.trim(),
        amountFen,
      });
      toast(`已记录窗口缴费 ${yuan(amountFen)} 元`);
      onChange(updated);
    });
  });
  const waiveForm = el('form', { className: 'inline-form', id: 'waive-form' }, reason, basis, waive);
  waiveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!reason.value.trim() || !basis.value.trim()) return toast('减免须填写理由和法定依据', 'error');
    run(waive, async () => {
      const updated = await api('POST', `/staff/applications/${enc(application.id)}/fee-waiver`, {
        reason: reason.value.trim(),
        legalBasis: basis.value.trim(),
      });
      toast('已减免费用');
      onChange(updated);
    });
  });
  return el('div', { className: 'fee' }, head, payForm, waiveForm);
}
