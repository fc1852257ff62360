// The materials an application asks for: its item's guide, or a bundle's merged list.
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import type { Guide } from '../catalogue/guide.ts';
import type { ApplicationDoc } from './find.ts';

export type GuideMaterial = Guide['materials'][number];

export function materialsOf(application: Pick<ApplicationDoc, 'itemCode' | 'bundleCode'>, catalogue: CatalogueSnapshot): GuideMaterial[] {
  if (application.bundleCode) return catalogue.bundlesByCode.get(application.bundleCode)?.materials ?? [];
  return catalogue.byCode.get(application.itemCode)?.materials ?? [];
}

/** The materials of a bundle application that belong to `department`'s part (all of them for others). */
export function partMaterials(application: Pick<ApplicationDoc, 'itemCode' | 'bundleCode'>, catalogue: CatalogueSnapshot, department: string | null) {
  const all = materialsOf(application, catalogue);
  if (!application.bundleCode || !department) return all;
  const bundle = catalogue.bundlesByCode.get(application.bundleCode);
  return (bundle?.materials ?? []).filter((m) => m.departments.includes(department));
}
