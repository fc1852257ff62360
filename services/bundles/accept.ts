// Accepting a bundle creates its member cases: one per item, each with its own department and
// deadline, counted in that department's figures (the bundle application itself is not a case
// of any department). Members are created first, once each (unique bundleId + itemCode), then
// the bundle application moves to accepted in a guarded transition. The citizen follows the
// bundle application only: members carry no citizen, so only the bundle tells them (once).
import type { Types } from 'mongoose';
import { ApplicationModel } from '../../models/application.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { businessDate } from '../applications/business-date.ts';
import { caseDeadline } from '../applications/deadline.ts';
import type { ApplicationDoc } from '../applications/find.ts';
import { noticeStatusChange } from '../applications/notices.ts';
import { transition } from '../applications/write.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { retainFiles } from '../library/file-refs.ts';

export async function acceptBundle(staff: StaffPrincipal, application: ApplicationDoc, now: Date, catalogue: CatalogueSnapshot) {
  const bundle = catalogue.bundlesByCode.get(application.bundleCode ?? '');
  if (!bundle) throw notFound('一件事');
  if (application.status !== 'approved') throw conflict('INVALID_STATE', '当前状态不允许受理', { status: application.status });
  const acceptedDate = businessDate(now);
  const by = { kind: 'staff' as const, id: staff.id };
  let latest = acceptedDate;
  for (const item of bundle.items) {
    const guide = catalogue.byCode.get(item.code);
    if (!guide) throw notFound('事项');
    const deadline = await caseDeadline(acceptedDate, guide.caseType === 'immediate' ? 0 : guide.promisedLimitDays);
    if (deadline > latest) latest = deadline;
    const names = new Set(guide.materials.map((m) => m.name));
    const materials = application.materials.filter((m) => names.has(m.materialName));
    try {
      await ApplicationModel.create({
        citizenId: null,
        bundleId: application._id,
        itemCode: item.code,
        department: guide.department.code,
        applicantNameEnc: application.applicantNameEnc,
        status: 'accepted',
        materials,
        acceptedAt: now,
        acceptedDate,
        deadline,
        history: [{ status: 'accepted', at: now, by, note: `一件事「${bundle.name}」受理，承诺办结日期 ${deadline}` }],
        createdAt: now,
      });
      // Each member holds its files too, so retention of one case never takes another's.
      await retainFiles(materials.map((m) => m.fileId));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // created by a racing acceptance
    }
  }
  const set = { acceptedAt: now, acceptedDate, deadline: latest };
  const note = `一件事已受理（${bundle.items.length} 个事项），最迟办结日期 ${latest}`;
  const updated = await transition({ id: String(application._id), from: ['approved'], to: 'accepted', by, at: now, note, action: '受理', set });
  await noticeStatusChange(updated, 'accepted', now, catalogue);
  return updated;
}

/** The member cases of a bundle application, in item order. */
export const membersOf = (bundleId: Types.ObjectId) => ApplicationModel.find({ bundleId }).sort({ _id: 1 }).limit(50).lean<ApplicationDoc[]>();

/** After a member completes: completes the bundle application once every member is done, and tells the citizen once. */
export async function settleBundle(bundleId: Types.ObjectId, now: Date, catalogue: CatalogueSnapshot): Promise<void> {
  const members = await membersOf(bundleId);
  if (members.length === 0 || members.some((m) => m.status !== 'completed')) return;
  const completedDate = businessDate(now);
  try {
    const updated = await transition({
      id: String(bundleId),
      from: ['accepted'],
      to: 'completed',
      by: { kind: 'system', id: 'bundle' },
      at: now,
      note: '一件事全部办结',
      action: '办结',
      set: { completedAt: now, completedDate, onTime: members.every((m) => m.onTime), onsiteVisits: Math.max(...members.map((m) => m.onsiteVisits ?? 0)) },
    });
    await noticeStatusChange(updated, 'completed', now, catalogue);
  } catch {
    // Completed already by the member that finished at the same moment.
  }
}
