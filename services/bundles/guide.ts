// The guide of a bundle (一件事), merged from its items' guides: a material several items ask
// for is asked once, in the strictest form (原件 over 复印件 over 电子) and the most copies;
// one process, one fee, and the longest promised limit as its deadline.
import type { Guide } from '../catalogue/guide.ts';
import { summarise } from '../catalogue/guide.ts';

const FORM_RANK = { 原件: 3, 复印件: 2, 电子: 1 } as const;

export interface BundleSource {
  code: string;
  name: string;
  description: string;
  items: string[];
}

export type BundleGuide = NonNullable<ReturnType<typeof buildBundleGuide>>;

/** The merged guide; null when one of its items is not published. */
export function buildBundleGuide(bundle: BundleSource, byCode: Map<string, Guide>) {
  const guides = bundle.items.map((code) => byCode.get(code));
  if (guides.length === 0 || guides.some((g) => !g)) return null;
  const items = guides.filter((g): g is Guide => g !== undefined);
  const materials = new Map<string, Guide['materials'][number] & { items: string[]; departments: string[] }>();
  for (const item of items) {
    for (const m of item.materials) {
      const seen = materials.get(m.name);
      if (!seen) {
        materials.set(m.name, { ...m, items: [item.code], departments: [item.department.code] });
        continue;
      }
      if (FORM_RANK[m.form] > FORM_RANK[seen.form]) seen.form = m.form;
      seen.copies = Math.max(seen.copies, m.copies);
      seen.required ||= m.required;
      seen.deferrable &&= m.deferrable;
      seen.items.push(item.code);
      if (!seen.departments.includes(item.department.code)) seen.departments.push(item.department.code);
    }
  }
  const feeItems = items.flatMap((i) => i.fee.items.map((f) => ({ ...f, itemCode: i.code })));
  return {
    code: bundle.code,
    name: bundle.name,
    description: bundle.description,
    items: items.map(summarise),
    departments: [...new Map(items.map((i) => [i.department.code, i.department])).values()],
    materials: [...materials.values()],
    process: items.flatMap((i) => i.process.map((p) => ({ step: `${i.name}：${p.step}`, description: p.description, itemCode: i.code }))),
    fee: {
      charged: feeItems.length > 0,
      items: feeItems,
      description: items.some((i) => i.fee.charged)
        ? items
            .filter((i) => i.fee.charged)
            .map((i) => `${i.name}：${i.fee.description}`)
            .join('；')
        : '不收费',
    },
    promisedLimitDays: Math.max(...items.map((i) => (i.caseType === 'immediate' ? 0 : i.promisedLimitDays))),
    onlinePreReview: items.every((i) => i.onlinePreReview),
    deliveryByPost: items.every((i) => i.deliveryByPost),
  };
}
