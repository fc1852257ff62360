// The public row of a case: what 办件公示 may show and nothing more. The applicant is
// decrypted only to be masked here; companies are shown in full.
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { applicantNameOf } from '../pii/applicant.ts';
import { zonedDate } from '../calendar/zoned-time.ts';

export interface CaseSource {
  _id: unknown;
  itemCode: string;
  department: string;
  status: string;
  applicantNameEnc?: string | null;
  applicantIsCompany?: boolean | null;
  acceptedDate?: string | null;
  deadline?: string | null;
  completedDate?: string | null;
  onTime?: boolean | null;
  onsiteVisits?: number | null;
  evaluationScore?: number | null;
  evaluatedAt?: Date | null;
  /** Set on a bundle application (一件事): its member cases are the department's cases, it is none itself. */
  bundleCode?: string | null;
  deferred?: unknown[] | null;
  materials?: { reusedFrom?: unknown }[] | null;
}

export type PublicRow = NonNullable<ReturnType<typeof publicRowOf>>;

/** The published row of an accepted or completed case; null for any other case. */
export function publicRowOf(source: CaseSource, catalogue: CatalogueSnapshot, timeZone: string) {
  if ((source.status !== 'accepted' && source.status !== 'completed') || !source.acceptedDate || source.bundleCode) return null;
  const completed = source.status === 'completed';
  return {
    itemCode: source.itemCode,
    itemName: catalogue.byCode.get(source.itemCode)?.name ?? source.itemCode,
    department: source.department,
    departmentName: catalogue.departmentsByCode.get(source.department)?.name ?? source.department,
    applicant: publicApplicant(source),
    status: source.status as 'accepted' | 'completed',
    acceptedDate: source.acceptedDate,
    deadline: source.deadline ?? null,
    completedDate: completed ? (source.completedDate ?? null) : null,
    onTime: completed ? (source.onTime ?? null) : null,
    oneVisit: completed && source.onsiteVisits != null ? source.onsiteVisits <= 1 : null,
    /** 到现场次数 of a completed case: 0 is a zero-trip case (fully online, results mailed). */
    visits: completed ? (source.onsiteVisits ?? null) : null,
    /** Accepted 容缺 (with materials to follow). */
    deferredAccepted: (source.deferred?.length ?? 0) > 0,
    /** Materials reused from the citizen's library instead of uploaded. */
    reusedMaterials: (source.materials ?? []).filter((m) => m.reusedFrom != null).length,
    evaluationScore: source.evaluationScore ?? null,
    evaluatedDate: source.evaluationScore != null && source.evaluatedAt ? zonedDate(source.evaluatedAt, timeZone) : null,
  };
}

/** 张*三, or a company's full name; '' once retention has cleared the name. */
const publicApplicant = (source: CaseSource): string => applicantNameOf(source.applicantNameEnc, source.applicantIsCompany) ?? '';

/** The fields shown to the public (the board and the files) of a published row. */
export function presentPublicCase(row: PublicRow & { caseId: string }) {
  return {
    id: row.caseId,
    itemCode: row.itemCode,
    itemName: row.itemName,
    department: { code: row.department, name: row.departmentName },
    applicant: row.applicant,
    status: row.status,
    statusText: row.status === 'completed' ? '已办结' : '已受理',
    acceptedDate: row.acceptedDate,
    deadline: row.deadline,
    completedDate: row.completedDate,
    onTime: row.onTime,
  };
}
