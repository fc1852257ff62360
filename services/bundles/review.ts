// Split pre-review of a bundle: each department decides its own part (one guarded update on
// its undecided part). Whoever decides the last part settles the application: approved when
// every part approved, else one supplement notice (一次性告知) merging every department's
// missing materials; the settle is a guarded transition, so it happens once.
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { badRequest, conflict } from '../../server/errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import type { ApplicationDoc } from '../applications/find.ts';
import { partMaterials } from '../applications/materials-of.ts';
import { noticeStatusChange } from '../applications/notices.ts';
import { findApplication, refusal, transition, updateApplication } from '../applications/write.ts';
import { keepApprovedMaterials, type EnteredExpiry } from '../library/keep.ts';

export interface PartReview {
  decision: 'approve' | 'supplement';
  note: string;
  missing: { materialName: string; note: string }[];
  expiries?: EnteredExpiry[];
}

/** The departments whose parts `staff` decides: their own, or every undecided one for a center admin. */
function partsOf(staff: StaffPrincipal, application: ApplicationDoc): string[] {
  const undecided = application.parts.filter((p) => !p.decision).map((p) => p.department);
  if (!staff.department) return undecided;
  return undecided.includes(staff.department) ? [staff.department] : [];
}

export async function reviewBundlePart(staff: StaffPrincipal, application: ApplicationDoc, review: PartReview, now: Date, catalogue: CatalogueSnapshot) {
  const id = String(application._id);
  if (application.status !== 'submitted') throw await refusal(id, '审核');
  const departments = partsOf(staff, application);
  if (departments.length === 0) throw conflict('PART_DECIDED', '本部门的部分已审核');
  const own = new Set(partMaterials(application, catalogue, staff.department).map((m) => m.name));
  const unknown = review.missing.filter((m) => !own.has(m.materialName)).map((m) => m.materialName);
  if (unknown.length) throw badRequest('UNKNOWN_MATERIAL', `本部门的部分不需要以下材料：${unknown.join('、')}`, { unknown });
  let current: ApplicationDoc | null = application;
  for (const department of departments) {
    current = await updateApplication(
      id,
      { status: 'submitted', parts: { $elemMatch: { department, decision: null } } },
      { $set: { 'parts.$[p].decision': review.decision, 'parts.$[p].missing': review.missing, 'parts.$[p].by': staff.id } },
      now,
      [{ 'p.department': department }],
    );
    if (!current) throw conflict('PART_DECIDED', '本部门的部分已审核');
  }
  return settle(current, staff, review, now, catalogue);
}

async function settle(application: ApplicationDoc, staff: StaffPrincipal, review: PartReview, now: Date, catalogue: CatalogueSnapshot) {
  if (application.parts.some((p) => !p.decision)) return application;
  const id = String(application._id);
  const by = { kind: 'staff' as const, id: staff.id };
  const supplement = application.parts.flatMap((p) => p.missing.map((m) => ({ materialName: m.materialName ?? '', note: m.note ?? '' })));
  const reset = { parts: application.parts.map((p) => ({ department: p.department, decision: null, missing: [], by: null })) };
  try {
    if (supplement.length === 0) {
      const updated = await transition({
        id,
        from: ['submitted'],
        to: 'approved',
        by,
        at: now,
        note: '各部门预审通过',
        action: '审核',
        set: { supplement: [] },
      });
      await keepApprovedMaterials(updated, staff.id, review.expiries ?? [], now);
      await noticeStatusChange(updated, 'approved', now, catalogue);
      return updated;
    }
    const note = `请补正：${supplement.map((m) => m.materialName).join('、')}`;
    const set = { supplement, supplementRequestedAt: now, ...reset };
    const updated = await transition({ id, from: ['submitted'], to: 'supplement_required', by, at: now, note, action: '审核', set });
    await noticeStatusChange(updated, 'supplement_required', now, catalogue);
    return updated;
  } catch {
    // Another department's decision settled it first.
    return (await findApplication(id)) ?? application;
  }
}
