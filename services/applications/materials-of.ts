// The materials an application asks for: its item's guide.
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import type { Guide } from '../catalogue/guide.ts';
import type { ApplicationDoc } from './find.ts';

export type GuideMaterial = Guide['materials'][number];

export function materialsOf(application: Pick<ApplicationDoc, 'itemCode'>, catalogue: CatalogueSnapshot): GuideMaterial[] {
  return catalogue.byCode.get(application.itemCode)?.materials ?? [];
}
