// The public catalogue as the workbench needs it: the department's items (window groups for 转窗,
// items for 现场取号) and one item's guide (its materials list for 一次性告知), fetched once.
import { api, enc } from './api.js';

const guides = new Map();
let items = null;

/** The items of the staff member's department (every item, up to 100, for a center admin). */
export function departmentItems(staff) {
  if (!items) {
    const query = new URLSearchParams({ pageSize: '100' });
    if (staff.department) query.set('department', staff.department);
    items = api('GET', `/items?${query}`)
      .then((page) => page.items)
      .catch((error) => {
        items = null;
        throw error;
      });
  }
  return items;
}

/** The full guide of one item. */
export function itemGuide(code) {
  if (!guides.has(code)) {
    guides.set(
      code,
      api('GET', `/items/${enc(code)}`).catch((error) => {
        guides.delete(code);
        throw error;
      }),
    );
  }
  return guides.get(code);
}

let groups = null;
/** The window groups serving the department's items (from their guides), for 转窗. */
export function windowGroups(staff) {
  if (!groups) {
    groups = departmentItems(staff)
      .then((list) => Promise.all(list.slice(0, 40).map((item) => itemGuide(item.code).catch(() => null))))
      .then((guidesOfItems) => {
        const found = new Map();
        for (const guide of guidesOfItems) {
          if (!guide?.windows?.length) continue;
          const group = [...new Set(guide.windows.map((w) => w.code))].sort().join('+');
          if (!found.has(group)) found.set(group, guide.windows.map((w) => w.name).join('、'));
        }
        return [...found].map(([code, names]) => ({ code, names }));
      })
      .catch((error) => {
        groups = null;
        throw error;
      });
  }
  return groups;
}
