// The fee of an application: what its item charges (from the catalogue, in fen) and how it was
// settled (online through WeChat Pay, at the window, or waived). A case whose item charges a fee
// is completed only once the fee is settled (assertFeeSettled, called by completeCase, and
// feeSettledGuard, which its write names so that a refund landing after the check loses).
import { FEE_SETTLEMENTS, type Application, type ApplicationStatus, type FeeSettlement } from '../../models/application.ts';
import { conflict } from '../../server/errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import type { Guide } from '../catalogue/guide.ts';

export type FeeStatus = 'none' | 'unpaid' | FeeSettlement;

/**
 * A fee is paid (at the window or online) while the case is open: from submission until it is
 * completed or rejected. A draft is not yet an application; a closed case takes no money.
 */
export const FEE_PAYABLE_STATUSES: readonly ApplicationStatus[] = ['submitted', 'supplement_required', 'approved', 'accepted'];

export interface FeeView {
  amountFen: number;
  status: FeeStatus;
  method?: 'pos' | 'cash';
  receiptNo?: string;
  reason?: string;
  legalBasis?: string;
  at?: string;
  /** WeChat Pay orders paid after the fee was settled otherwise; each is refunded by staff. */
  duplicateOrders?: string[];
}

/** The fee an item charges now, in fen (0 when none). */
export function feeDueFen(guide: Pick<Guide, 'fee'> | undefined): number {
  if (!guide?.fee.charged) return 0;
  return guide.fee.items.reduce((sum, item) => sum + item.amountFen, 0);
}

type FeeFields = Pick<Application, 'paid' | 'fee'>;

/** How the fee stands; an application paid online before `fee` existed counts as paid online. */
export function feeStatusOf(application: FeeFields, dueFen: number): FeeStatus {
  const settled = application.fee?.status;
  if (settled) return settled as FeeSettlement;
  if (application.paid) return 'paid_online';
  return dueFen > 0 ? 'unpaid' : 'none';
}

/** The fee as shown to the citizen and to staff. */
export function feeView(application: FeeFields, guide: Pick<Guide, 'fee'> | undefined): FeeView {
  const fee = application.fee;
  const amountFen = fee?.amountFen ?? feeDueFen(guide);
  const view: FeeView = { amountFen, status: feeStatusOf(application, feeDueFen(guide)) };
  if (fee?.method) view.method = fee.method as 'pos' | 'cash';
  if (fee?.receiptNo) view.receiptNo = fee.receiptNo;
  if (fee?.reason) view.reason = fee.reason;
  if (fee?.legalBasis) view.legalBasis = fee.legalBasis;
  if (fee?.at) view.at = new Date(fee.at).toISOString();
  if (fee?.duplicateOrders?.length) view.duplicateOrders = [...fee.duplicateOrders];
  return view;
}

/** 409 FEE_UNPAID when the item charges a fee that was neither paid (online or at the window) nor waived. */
export function assertFeeSettled(application: FeeFields & { itemCode: string }, catalogue: CatalogueSnapshot): void {
  const dueFen = feeDueFen(catalogue.byCode.get(application.itemCode));
  if (feeStatusOf(application, dueFen) !== 'unpaid') return;
  throw conflict('FEE_UNPAID', '该事项收费，尚未缴费或减免，不能办结', { amountFen: dueFen });
}

/**
 * The filter that matches only while the fee is settled (what assertFeeSettled checked, as
 * feeStatusOf reads it): empty when the item charges nothing. A full refund clears `paid` and
 * `fee.status` in one update, so a write carrying this filter and that refund cannot both win.
 */
export function feeSettledGuard(itemCode: string, catalogue: CatalogueSnapshot): Record<string, unknown> {
  if (feeDueFen(catalogue.byCode.get(itemCode)) <= 0) return {};
  return { $or: [{ 'fee.status': { $in: FEE_SETTLEMENTS } }, { paid: true }] };
}
