// 容缺受理: a case accepted with 可容缺 materials missing, against the applicant's written
// commitment to supply them by a due date in working days. Each deferred material is closed
// once: by the citizen's upload to the accepted case, or by staff recording why it is no
// longer needed; both are one guarded update on the pending entry (arrayFilters, not `$`).
// The guard names the pending state; the array filter names the material only, since
// SecantusDB re-evaluates a filter on a field the same update has already changed.
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { addWorkingDays } from './working-days.ts';
import { findApplication, updateApplication, type ApplicationDoc } from './write.ts';

export interface Deferral {
  /** The applicant's commitment (承诺书) as recorded by staff. */
  commitment: string;
  /** Working days after acceptance by which the materials are due. */
  dueInWorkingDays: number;
}

/** Required 可容缺 materials of the item that the application does not have. */
export function missingDeferrable(application: ApplicationDoc, catalogue: CatalogueSnapshot): string[] {
  const guide = catalogue.byCode.get(application.itemCode);
  const uploaded = new Set(application.materials.map((m) => m.materialName));
  return (guide?.materials ?? []).filter((m) => m.required && m.deferrable && !uploaded.has(m.name)).map((m) => m.name);
}

/** The `deferred` entries of a case accepted on `acceptedDate`; 409 when materials are missing without a commitment. */
export async function deferredEntries(application: ApplicationDoc, deferral: Deferral | undefined, acceptedDate: string, catalogue: CatalogueSnapshot) {
  const missing = missingDeferrable(application, catalogue);
  if (missing.length === 0) {
    if (deferral) throw conflict('NOTHING_TO_DEFER', '材料已齐全，无需容缺受理');
    return [];
  }
  if (!deferral) {
    throw conflict('MATERIALS_MISSING', `尚缺可容缺材料：${missing.join('、')}；容缺受理须记录申请人的承诺与补交期限`, { missing });
  }
  const dueDate = await addWorkingDays(acceptedDate, deferral.dueInWorkingDays);
  return missing.map((materialName) => ({ materialName, commitment: deferral.commitment, dueDate, status: 'pending', resolvedAt: null, note: '' }));
}

/** True while a deferred material of the case is still awaited. */
export const isPendingDeferred = (application: Pick<ApplicationDoc, 'deferred'>, materialName: string) =>
  (application.deferred ?? []).some((d) => d.materialName === materialName && d.status === 'pending');

/** Records an uploaded file as the awaited material of an accepted case; null when it is no longer awaited. */
export async function receiveDeferred(application: ApplicationDoc, entry: ApplicationDoc['materials'][number], now: Date) {
  const name = entry.materialName;
  return updateApplication(
    String(application._id),
    { status: 'accepted', deferred: { $elemMatch: { materialName: name, status: 'pending' } } },
    {
      $set: { 'deferred.$[d].status': 'received', 'deferred.$[d].resolvedAt': now },
      $push: {
        materials: entry,
        history: { status: 'accepted', at: now, by: { kind: 'citizen', id: String(application.citizenId) }, note: `补交容缺材料：${name}` },
      },
    },
    now,
    [{ 'd.materialName': name }],
  );
}

/** Staff record why a deferred material is no longer needed; audited and kept in history. */
export async function waiveDeferred(staff: StaffPrincipal, application: ApplicationDoc, materialName: string, reason: string, now: Date, requestId?: string) {
  const id = String(application._id);
  if (!(application.deferred ?? []).some((d) => d.materialName === materialName)) throw notFound('容缺材料');
  const updated = await updateApplication(
    id,
    { status: 'accepted', deferred: { $elemMatch: { materialName, status: 'pending' } } },
    {
      $set: { 'deferred.$[d].status': 'waived', 'deferred.$[d].resolvedAt': now, 'deferred.$[d].note': reason },
      $push: { history: { status: 'accepted', at: now, by: { kind: 'staff', id: staff.id }, note: `容缺材料无需补交（${materialName}）：${reason}` } },
    },
    now,
    [{ 'd.materialName': materialName }],
  );
  if (!updated) {
    const current = await findApplication(id);
    if (!current) throw notFound('申请');
    throw conflict('DEFERRED_CLOSED', '该容缺材料已补交或已处理', { materialName });
  }
  await recordAudit({ actor: staff, action: 'waive_deferred', entity: 'application', entityId: id, after: { materialName, reason }, requestId }, now);
  return updated;
}
