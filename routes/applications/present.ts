// What leaves the server about an application: the owner's view and the staff view (which
// shows the applicant's name masked and never the rater of an evaluation).
import { applicantNameOf } from '../../services/pii/applicant.ts';
import type { Guide } from '../../services/catalogue/guide.ts';
import type { ApplicationDoc } from '../../services/applications/find.ts';
import { isOverdue } from '../../services/applications/deadline.ts';
import { feeView } from '../../services/applications/fee.ts';
import { membersOf } from '../../services/bundles/accept.ts';
import type { CatalogueSnapshot } from '../../services/catalogue/store.ts';

const iso = (at: Date | null | undefined) => (at ? new Date(at).toISOString() : null);

export interface MemberCase {
  id: string;
  itemCode: string;
  itemName: string;
  department: string;
  status: ApplicationDoc['status'];
  deadline: string | null;
}

/** The owner's view, with the full history (and, for a bundle, its parts and member cases). */
export function presentApplication(application: ApplicationDoc, guide: Pick<Guide, 'name' | 'fee'> | undefined, members: MemberCase[] = []) {
  return {
    id: String(application._id),
    itemCode: application.itemCode,
    itemName: guide?.name ?? application.itemCode,
    bundle: application.bundleCode
      ? {
          code: application.bundleCode,
          parts: (application.parts ?? []).map((p) => ({ department: p.department, decision: p.decision ?? null })),
          cases: members,
        }
      : null,
    bundleId: application.bundleId ? String(application.bundleId) : null,
    department: application.department,
    status: application.status,
    materials: application.materials.map((m) => ({
      materialName: m.materialName,
      filename: m.filename,
      contentType: m.contentType,
      size: m.size,
      sha256: m.sha256,
      uploadedAt: iso(m.uploadedAt),
      reused: m.reusedFrom != null,
    })),
    supplement: application.supplement.map((m) => ({ materialName: m.materialName ?? '', note: m.note ?? '' })),
    history: application.history.map((h) => ({ status: h.status, at: iso(h.at), by: { kind: h.by?.kind ?? '', id: h.by?.id ?? '' }, note: h.note })),
    deferred: (application.deferred ?? []).map((d) => ({
      materialName: d.materialName,
      commitment: d.commitment,
      dueDate: d.dueDate,
      status: d.status,
      resolvedAt: iso(d.resolvedAt),
      note: d.note,
    })),
    acceptedAt: iso(application.acceptedAt),
    acceptedDate: application.acceptedDate ?? null,
    deadline: application.deadline ?? null,
    completedAt: iso(application.completedAt),
    completedDate: application.completedDate ?? null,
    onTime: application.onTime ?? null,
    onsiteVisits: application.onsiteVisits ?? null,
    /** Fee paid through WeChat Pay (the orders: GET /applications/:id/payments). */
    paid: application.paid ?? false,
    /** How the fee stands: paid online, paid at the window (receipt), waived (legal basis) or unpaid. */
    fee: feeView(application, guide),
    evaluation: application.evaluated ? { score: application.evaluationScore, evaluatedAt: iso(application.evaluatedAt) } : null,
    rectification: application.rectificationReply ? { reply: application.rectificationReply, repliedAt: iso(application.rectifiedAt) } : null,
    createdAt: iso(application.createdAt),
    updatedAt: iso(application.updatedAt),
  };
}

/**
 * The staff view: the same, with the applicant masked, the evaluation score only, and whether the
 * case is past its deadline on the server's business date `today` (a window PC's clock may be wrong).
 */
export function presentForStaff(application: ApplicationDoc, guide: Pick<Guide, 'name' | 'fee'> | undefined, today: string, members: MemberCase[] = []) {
  return {
    ...presentApplication(application, guide, members),
    overdue: isOverdue(application, today),
    applicantName: applicantNameOf(application.applicantNameEnc, application.applicantIsCompany),
    applicantIsCompany: application.applicantIsCompany,
  };
}

/** The member cases of a bundle application as its progress line shows them (none for other applications). */
export async function memberCasesOf(application: ApplicationDoc, catalogue: CatalogueSnapshot): Promise<MemberCase[]> {
  if (!application.bundleCode) return [];
  const members = await membersOf(application._id);
  return members.map((m) => ({
    id: String(m._id),
    itemCode: m.itemCode,
    itemName: catalogue.byCode.get(m.itemCode)?.name ?? m.itemCode,
    department: m.department,
    status: m.status,
    deadline: m.deadline ?? null,
  }));
}

/** The guide an application is named after: its item's, or its bundle's. */
export const guideOf = (catalogue: CatalogueSnapshot, itemCode: string) => catalogue.byCode.get(itemCode) ?? catalogue.bundlesByCode.get(itemCode);
