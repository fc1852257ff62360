// What a citizen does with their own pre-review application: open, upload materials, submit.
// Someone else's application is answered as unknown (404), never as forbidden.
import { ApplicationModel } from '../../models/application.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { AppError, conflict, invalidState, notFound } from '../../server/errors.ts';
import { findPage, type Page } from '../../server/pagination.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { ownListQuery } from './find.ts';
import { materialsOf } from './materials-of.ts';
import { findApplication, transition, type ApplicationDoc } from './write.ts';

/** Statuses in which the citizen may change materials. */
export const EDITABLE = ['draft', 'supplement_required'] as const;

/** The application if `citizenId` owns it; 404 otherwise. */
export async function ownApplication(citizenId: string, id: string): Promise<ApplicationDoc> {
  const application = await findApplication(id);
  if (!application || String(application.citizenId) !== citizenId) throw notFound('申请');
  return application;
}

/** Opens a draft for an item that offers online pre-review (网上预审). */
export async function openApplication(citizenId: string, itemCode: string, now: Date, catalogue: CatalogueSnapshot): Promise<ApplicationDoc> {
  const guide = catalogue.byCode.get(itemCode);
  if (!guide) throw notFound('事项');
  if (!guide.onlinePreReview) throw conflict('PRE_REVIEW_NOT_OFFERED', '该事项不支持网上预审');
  const citizen = await CitizenModel.findById(citizenId).lean();
  if (!citizen?.verified) throw new AppError(403, 'PROFILE_REQUIRED', '请先完成实名认证');
  const created = await ApplicationModel.create({
    citizenId,
    itemCode,
    department: guide.department.code,
    applicantNameEnc: citizen.nameEnc,
    status: 'draft',
    history: [{ status: 'draft', at: now, by: { kind: 'citizen', id: citizenId }, note: '创建申请' }],
    createdAt: now, // and updatedAt with it
  });
  return created.toObject() as unknown as ApplicationDoc;
}

/** Own applications, newest first. */
export async function listOwnApplications(citizenId: string, page: Page) {
  const { filter, sort } = ownListQuery(citizenId);
  return findPage<ApplicationDoc>(ApplicationModel, filter, sort, page);
}

/** Materials required by the item (and every open supplement item) that are still missing. */
export async function missingMaterials(application: ApplicationDoc, catalogue: CatalogueSnapshot): Promise<string[]> {
  const uploaded = new Map(application.materials.map((m) => [m.materialName, m.uploadedAt]));
  // 可容缺 materials may be missing here: staff decide at acceptance (services/applications/deferral.ts).
  const required = materialsOf(application, catalogue)
    .filter((m) => m.required && !m.deferrable)
    .map((m) => m.name);
  const missing = required.filter((name) => !uploaded.has(name));
  // A supplement asks for a new file: one uploaded before the notice does not answer it.
  const since = application.supplementRequestedAt;
  for (const { materialName } of application.supplement) {
    const at = materialName ? uploaded.get(materialName) : undefined;
    if (materialName && (!at || (since && at <= since)) && !missing.includes(materialName)) missing.push(materialName);
  }
  return missing;
}

/** draft / supplement_required → submitted; 409 MATERIALS_MISSING lists everything missing. */
export async function submitApplication(citizenId: string, id: string, now: Date, catalogue: CatalogueSnapshot): Promise<ApplicationDoc> {
  const application = await ownApplication(citizenId, id);
  if (!(EDITABLE as readonly string[]).includes(application.status)) throw invalidState(application.status, '提交');
  // Checked on this read: while editable, materials are only added or replaced by newer files,
  // so a racing upload can only make the list more complete, never invalidate the check.
  const missing = await missingMaterials(application, catalogue);
  if (missing.length) throw conflict('MATERIALS_MISSING', `尚缺材料：${missing.join('、')}`, { missing });
  return transition({
    id,
    from: EDITABLE,
    to: 'submitted',
    by: { kind: 'citizen', id: citizenId },
    at: now,
    note: application.status === 'supplement_required' ? '补正后重新提交' : '提交预审',
    action: '提交',
  });
}
