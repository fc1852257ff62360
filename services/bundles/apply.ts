// A citizen applies for a bundle (一件事) as one application: one draft holding the merged
// materials, with one part per department for the split pre-review.
import { ApplicationModel } from '../../models/application.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { AppError, conflict, notFound } from '../../server/errors.ts';
import type { ApplicationDoc } from '../applications/find.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';

export async function openBundleApplication(citizenId: string, bundleCode: string, now: Date, catalogue: CatalogueSnapshot): Promise<ApplicationDoc> {
  const bundle = catalogue.bundlesByCode.get(bundleCode);
  if (!bundle) throw notFound('一件事');
  if (!bundle.onlinePreReview) throw conflict('PRE_REVIEW_NOT_OFFERED', '该一件事不支持网上预审');
  const citizen = await CitizenModel.findById(citizenId).lean();
  if (!citizen?.verified) throw new AppError(403, 'PROFILE_REQUIRED', '请先完成实名认证');
  const departments = bundle.departments.map((d) => d.code);
  const created = await ApplicationModel.create({
    citizenId,
    itemCode: bundle.code,
    bundleCode: bundle.code,
    department: departments[0],
    departments,
    parts: departments.map((department) => ({ department })),
    applicantNameEnc: citizen.nameEnc,
    status: 'draft',
    history: [{ status: 'draft', at: now, by: { kind: 'citizen', id: citizenId }, note: `创建一件事申请：${bundle.name}` }],
    createdAt: now,
  });
  return created.toObject() as unknown as ApplicationDoc;
}
