// What must hold before a case may be completed (办结). Each check is one small function that
// throws a 409 naming what is still open; completeCase runs them all on the case it read.
// 容缺 materials only ever leave `pending` (uploaded or waived), so that check passed on this
// read cannot be undone by a racing write.
import { conflict } from '../../server/errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { assertFeeSettled } from './fee.ts';
import type { ApplicationDoc } from './find.ts';

/** 409 DEFERRED_MATERIALS_PENDING while a 容缺 material is neither supplied nor waived. */
export function assertDeferredResolved(application: Pick<ApplicationDoc, 'deferred'>): void {
  const pending = (application.deferred ?? []).filter((d) => d.status === 'pending').map((d) => d.materialName);
  if (pending.length) {
    throw conflict('DEFERRED_MATERIALS_PENDING', `容缺材料尚未补交：${pending.join('、')}`, { pending });
  }
}

/** Every check a case must pass before 办结. */
export function assertCompletable(application: ApplicationDoc, catalogue: CatalogueSnapshot): void {
  assertDeferredResolved(application);
  assertFeeSettled(application, catalogue);
}
