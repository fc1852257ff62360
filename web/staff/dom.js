// Small DOM helpers shared by the panels: building elements, a toast line, dates in the
// center's zone, and the labels staff read.

/** Builds an element: attributes (`on…` are listeners, `dataset` an object) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'className') node.className = value;
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

let toastTimer = null;
/** Shows one message at the bottom of the page; errors stay longer. */
export function toast(message, kind = 'ok') {
  const box = $('toast');
  box.textContent = message;
  box.className = `toast ${kind}`;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (box.hidden = true), kind === 'error' ? 8000 : 4000);
}

/** Runs an action of a button: disables it meanwhile and reports an API error as a toast. */
export async function run(button, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (error) {
    toast(error.message || String(error), 'error');
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

/** HH:mm of an ISO instant on the window PC's clock (a PC in the hall keeps the center's time). */
export function timeOf(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

export const yuan = (fen) => (Number(fen || 0) / 100).toFixed(2);

export const APPOINTMENT_STATUS = { booked: '已预约', checked_in: '已签到', cancelled: '已取消', no_show: '爽约', served: '已办理' };
export const APPLICATION_STATUS = {
  submitted: '待预审',
  supplement_required: '待补正',
  approved: '预审通过',
  rejected: '不予通过',
  accepted: '已受理',
  completed: '已办结',
};
export const PRIORITY = { elderly: '老年人', disabled: '残疾人', pregnant: '孕妇' };
export const SOURCE = { booking: '预约', walk_in: '现场' };
export const FEE_STATUS = { none: '不收费', unpaid: '未缴费', paid_online: '已在线缴费', paid_at_window: '已窗口缴费', waived: '已减免' };

/** A <select> of priorities, "普通" first. */
export function prioritySelect(id) {
  return el(
    'select',
    { id, title: '绿色通道' },
    el('option', { value: '' }, '普通'),
    Object.entries(PRIORITY).map(([value, label]) => el('option', { value }, `绿色通道·${label}`)),
  );
}

/**
 * Latest-wins for a panel's loads: `const isLatest = begin()` before a request, and after the
 * answer `if (!isLatest()) return`, so a slower, older answer never overwrites a newer one.
 */
export function latestOnly() {
  let sequence = 0;
  return () => {
    const mine = ++sequence;
    return () => mine === sequence;
  };
}
