// Settling a fee at the window: a payment taken on site (POS or cash, with its receipt number)
// or a waiver with its legal basis. Each is one guarded update on the application that matches
// only while the fee is unsettled, so a window payment and a WeChat Pay notify arriving together
// settle the fee once (a notify that loses is flagged for refund: settle.ts). Both are audited.
import type { FeeSettlement } from '../../models/application.ts';
import { staffCoversDepartment, type StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict, invalidState, notFound } from '../../server/errors.ts';
import { findApplication, updateApplication, type ApplicationDoc } from '../applications/write.ts';
import { FEE_PAYABLE_STATUSES, feeDueFen, feeStatusOf } from '../applications/fee.ts';
import { recordAudit } from '../audit/record.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';

export interface WindowPayment {
  method: 'pos' | 'cash';
  receiptNo: string;
  amountFen: number;
}

export interface FeeWaiver {
  reason: string;
  legalBasis: string;
}

/** The application in scope with the fee its item charges; 404, 409 NO_FEE / INVALID_STATE / already settled. */
async function payableApplication(staff: StaffPrincipal, id: string, catalogue: CatalogueSnapshot, action: string) {
  const application = await findApplication(id);
  if (!application || application.status === 'draft' || !staffCoversDepartment(staff, application.department)) throw notFound('申请');
  const guide = catalogue.byCode.get(application.itemCode);
  const dueFen = feeDueFen(guide);
  if (dueFen <= 0) throw conflict('NO_FEE', '该事项不收费');
  if (!FEE_PAYABLE_STATUSES.includes(application.status)) throw invalidState(application.status, action);
  assertUnsettled(application, dueFen);
  return { application, guide, dueFen };
}

function assertUnsettled(application: ApplicationDoc, dueFen: number): void {
  const status = feeStatusOf(application, dueFen);
  if (status === 'waived') throw conflict('FEE_WAIVED', '该事项费用已减免');
  if (status !== 'unpaid') throw conflict('ALREADY_PAID', '该事项费用已缴纳', { fee: status });
}

/** Sets the settlement if the fee is still unsettled (one guarded update); the precise 409 otherwise. */
async function settle(id: string, dueFen: number, fee: Record<string, unknown>, now: Date): Promise<ApplicationDoc> {
  const set: Record<string, unknown> = { 'fee.at': now, 'fee.amountFen': dueFen };
  for (const [key, value] of Object.entries(fee)) set[`fee.${key}`] = value;
  if (fee.status === 'paid_at_window') set.paid = true;
  const updated = await updateApplication(id, { paid: false, 'fee.status': null, status: { $in: FEE_PAYABLE_STATUSES } }, { $set: set }, now);
  if (updated) return updated;
  const current = await findApplication(id);
  if (!current) throw notFound('申请');
  if (!FEE_PAYABLE_STATUSES.includes(current.status)) throw invalidState(current.status, '缴费');
  assertUnsettled(current, dueFen);
  throw conflict('FEE_BUSY', '缴费状态正在变化，请刷新后再试');
}

/** Records a payment made at the window; its amount must be the fee due. */
export async function recordWindowPayment(staff: StaffPrincipal, id: string, payment: WindowPayment, now: Date, catalogue: CatalogueSnapshot) {
  const { application, dueFen } = await payableApplication(staff, id, catalogue, '缴费');
  if (payment.amountFen !== dueFen) throw conflict('AMOUNT_MISMATCH', '收款金额与应缴金额不符', { dueFen });
  const status: FeeSettlement = 'paid_at_window';
  const updated = await settle(id, dueFen, { status, method: payment.method, receiptNo: payment.receiptNo, by: staff.id }, now);
  await audit(staff, 'fee_paid_at_window', application, { status, ...payment }, now);
  return updated;
}

/** Waives the fee with its legal basis; only items whose fee the catalogue marks waivable. */
export async function waiveFee(staff: StaffPrincipal, id: string, waiver: FeeWaiver, now: Date, catalogue: CatalogueSnapshot) {
  const { application, guide, dueFen } = await payableApplication(staff, id, catalogue, '减免');
  if (!guide?.fee.items.some((item) => item.waivable)) throw conflict('FEE_NOT_WAIVABLE', '该事项的收费不可减免');
  const status: FeeSettlement = 'waived';
  const updated = await settle(id, dueFen, { status, reason: waiver.reason, legalBasis: waiver.legalBasis, by: staff.id }, now);
  await audit(staff, 'fee_waived', application, { status, amountFen: dueFen, ...waiver }, now);
  return updated;
}

async function audit(staff: StaffPrincipal, action: string, before: ApplicationDoc, after: Record<string, unknown>, now: Date) {
  await recordAudit(
    { actor: staff, action, entity: 'application', entityId: String(before._id), before: { paid: before.paid, fee: before.fee?.status ?? null }, after },
    now,
  );
}
