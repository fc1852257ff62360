// What staff do with applications of their department: review (预审), accept (受理), complete
// (办结), and open walk-in cases. Each change is one guarded update (write.ts) and, for the
// citizen's notice, one outbox insert after it that never blocks it: two writes per decision.
import { ApplicationModel, type ApplicationStatus } from '../../models/application.ts';
import { staffCoversDepartment, type StaffPrincipal } from '../../server/auth/principal.ts';
import { badRequest, conflict, forbidden, invalidState, notFound } from '../../server/errors.ts';
import { acceptBundle, settleBundle } from '../bundles/accept.ts';
import { reviewBundlePart } from '../bundles/review.ts';
import { findPage, type Page } from '../../server/pagination.ts';
import { encryptPii } from '../pii/crypto.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { businessDate } from './business-date.ts';
import { assertCompletable, completionGuard, explainRefusedCompletion } from './completion-checks.ts';
import { caseDeadline } from './deadline.ts';
import { deferredEntries, type Deferral } from './deferral.ts';
import { recordAudit } from '../audit/record.ts';
import { keepApprovedMaterials, type EnteredExpiry } from '../library/keep.ts';
import { noticeStatusChange } from './notices.ts';
import { staffListQuery } from './find.ts';
import { emitStatusChanged, findApplication, transition, type ApplicationDoc } from './write.ts';

export interface ReviewDecision {
  decision: 'approve' | 'supplement' | 'reject';
  note: string;
  missing: { materialName: string; note: string }[];
  expiries?: EnteredExpiry[];
}

const actorOf = (staff: StaffPrincipal) => ({ kind: 'staff' as const, id: staff.id });

/** The application if it is in the staff member's scope (drafts are the citizen's own); 404 otherwise. */
export async function staffApplication(staff: StaffPrincipal, id: string): Promise<ApplicationDoc> {
  const application = await findApplication(id);
  const covered =
    application && (staffCoversDepartment(staff, application.department) || (application.departments ?? []).some((d) => staffCoversDepartment(staff, d)));
  if (!application || application.status === 'draft' || !covered) {
    throw notFound('申请');
  }
  return application;
}

/** Applications in scope, oldest change first (the work queue). */
export async function listStaffApplications(staff: StaffPrincipal, status: ApplicationStatus | undefined, page: Page) {
  const { filter, sort } = staffListQuery(staff, status);
  return findPage<ApplicationDoc>(ApplicationModel, filter, sort, page);
}

/** 预审: approve, ask for every missing or wrong material at once (一次性告知), or reject. */
export async function reviewApplication(staff: StaffPrincipal, id: string, review: ReviewDecision, now: Date, catalogue: CatalogueSnapshot) {
  const application = await staffApplication(staff, id);
  if (application.bundleCode && review.decision !== 'reject')
    return reviewBundlePart(staff, application, { ...review, decision: review.decision }, now, catalogue);
  const common = { id, from: ['submitted'] as const, by: actorOf(staff), at: now, action: '审核' };
  if (review.decision === 'approve') {
    const updated = await transition({ ...common, to: 'approved', note: review.note || '预审通过', set: { supplement: [] } });
    await keepApprovedMaterials(updated, staff.id, review.expiries ?? [], now);
    await noticeStatusChange(updated, 'approved', now, catalogue);
    return updated;
  }
  if (review.decision === 'reject') {
    const updated = await transition({ ...common, to: 'rejected', note: review.note, set: { supplement: [] } });
    await noticeStatusChange(updated, 'rejected', now, catalogue);
    return updated;
  }
  const supplement = await checkedSupplement(application.itemCode, review.missing, catalogue);
  const note = review.note || `请补正：${supplement.map((m) => m.materialName).join('、')}`;
  const updated = await transition({ ...common, to: 'supplement_required', note, set: { supplement, supplementRequestedAt: now } });
  await noticeStatusChange(updated, 'supplement_required', now, catalogue);
  return updated;
}

/** Every listed material must belong to the item; duplicates are merged. */
async function checkedSupplement(itemCode: string, missing: ReviewDecision['missing'], catalogue: CatalogueSnapshot) {
  const guide = catalogue.byCode.get(itemCode);
  const known = new Set(guide?.materials.map((m) => m.name));
  const unknown = missing.filter((m) => !known.has(m.materialName)).map((m) => m.materialName);
  if (unknown.length) throw badRequest('UNKNOWN_MATERIAL', `该事项不需要以下材料：${unknown.join('、')}`, { unknown });
  const byName = new Map(missing.map((m) => [m.materialName, m]));
  return [...byName.values()];
}

/** The acceptance fields of a case accepted at `now`. */
async function acceptance(itemCode: string, now: Date, catalogue: CatalogueSnapshot) {
  const guide = catalogue.byCode.get(itemCode);
  if (!guide) throw notFound('事项');
  const acceptedDate = businessDate(now);
  const days = guide.caseType === 'immediate' ? 0 : guide.promisedLimitDays;
  return { acceptedAt: now, acceptedDate, deadline: await caseDeadline(acceptedDate, days) };
}

/**
 * 受理: approved → accepted, with the promised deadline. Required 可容缺 materials still missing
 * need `deferral` (容缺受理): the applicant's commitment and the working days they are due in.
 */
export async function acceptApplication(staff: StaffPrincipal, id: string, now: Date, catalogue: CatalogueSnapshot, deferral?: Deferral, requestId?: string) {
  const application = await staffApplication(staff, id);
  if (application.bundleCode) return acceptBundle(staff, application, now, catalogue);
  const set = await acceptance(application.itemCode, now, catalogue);
  const deferred = await deferredEntries(application, deferral, set.acceptedDate, catalogue);
  const note = deferred.length
    ? `容缺受理，承诺办结日期 ${set.deadline}；申请人承诺于 ${deferred[0]!.dueDate} 前补交：${deferred.map((d) => d.materialName).join('、')}`
    : `已受理，承诺办结日期 ${set.deadline}`;
  const updated = await transition({ id, from: ['approved'], to: 'accepted', by: actorOf(staff), at: now, note, action: '受理', set: { ...set, deferred } });
  if (deferred.length) {
    await recordAudit(
      { actor: staff, action: 'accept_deferred', entity: 'application', entityId: id, after: { deadline: set.deadline, deferred }, requestId },
      now,
    );
  }
  await noticeStatusChange(updated, 'accepted', now, catalogue);
  return updated;
}

export interface WalkInCase {
  itemCode: string;
  applicantName: string;
  applicantIsCompany: boolean;
}

/** A case brought to the window without pre-review, accepted at once. */
export async function createWalkInCase(staff: StaffPrincipal, walkIn: WalkInCase, now: Date, catalogue: CatalogueSnapshot) {
  const guide = catalogue.byCode.get(walkIn.itemCode);
  if (!guide) throw notFound('事项');
  if (!staffCoversDepartment(staff, guide.department.code)) throw forbidden('只能受理本部门的事项');
  const set = await acceptance(walkIn.itemCode, now, catalogue);
  const created = await ApplicationModel.create({
    citizenId: null,
    itemCode: walkIn.itemCode,
    department: guide.department.code,
    applicantNameEnc: encryptPii(walkIn.applicantName),
    applicantIsCompany: walkIn.applicantIsCompany,
    status: 'accepted',
    ...set,
    history: [{ status: 'accepted', at: now, by: actorOf(staff), note: `窗口受理，承诺办结日期 ${set.deadline}` }],
    createdAt: now, // and updatedAt with it
  });
  const application = created.toObject() as unknown as ApplicationDoc;
  await emitStatusChanged(application, now);
  return application;
}

/** 办结: accepted → completed, recording whether it kept the deadline and the on-site visits. */
export async function completeCase(staff: StaffPrincipal, id: string, onsiteVisits: number, now: Date, catalogue: CatalogueSnapshot) {
  const application = await staffApplication(staff, id);
  if (application.bundleCode) throw conflict('BUNDLE_COMPLETES_WITH_PARTS', '一件事在各事项全部办结后自动办结');
  // Refused here rather than by the write: a case accepted after this read would pass unchecked.
  if (application.status !== 'accepted') throw invalidState(application.status, '办结');
  assertCompletable(application, catalogue);
  // The fee checked here can still be refunded before the write: the write names it too.
  const completedDate = businessDate(now);
  const onTime = application.deadline ? completedDate <= application.deadline : true;
  const updated = await transition({
    id,
    from: ['accepted'],
    to: 'completed',
    by: actorOf(staff),
    at: now,
    note: onTime ? '已办结' : '已办结（超期）',
    action: '办结',
    set: { completedAt: now, completedDate, onTime, onsiteVisits },
    guard: completionGuard(application, catalogue),
    recheck: (current) => explainRefusedCompletion(current, catalogue),
  });
  await noticeStatusChange(updated, 'completed', now, catalogue);
  if (updated.bundleId) await settleBundle(updated.bundleId, now, catalogue);
  return updated;
}
