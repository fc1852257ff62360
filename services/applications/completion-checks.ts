// What must hold before a case may be completed (办结). Each check is one small function that
// throws a 409 naming what is still open; completeCase runs them all on the case it read.
// 容缺 materials only ever leave `pending` (uploaded or waived), so that check passed on this
// read cannot be undone by a racing write. The fee can (a full refund of the online payment):
// completionGuard is the part of the completion's filter that says so, and when the write
// matches nothing, the checks run again on the re-read to answer why.
import { conflict } from '../../server/errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { assertFeeSettled, feeSettledGuard } from './fee.ts';
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

/** What the completion's guarded write must still find: the fee settled (the checks that can be undone). */
export function completionGuard(application: Pick<ApplicationDoc, 'itemCode'>, catalogue: CatalogueSnapshot): Record<string, unknown> {
  return feeSettledGuard(application.itemCode, catalogue);
}

/**
 * Why a completion's guarded write matched nothing while the case is still accepted: the fee
 * was unsettled after the check (FEE_UNPAID), or unsettled and settled again since (FEE_BUSY).
 */
export function explainRefusedCompletion(current: ApplicationDoc, catalogue: CatalogueSnapshot): void {
  if (current.status !== 'accepted') return;
  assertCompletable(current, catalogue);
  throw conflict('FEE_BUSY', '缴费状态正在变化，请刷新后再试');
}
