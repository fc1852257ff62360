// Cases for publishing tests, written raw so their updatedAt can be set (mongoose would stamp now).
import { Types } from 'mongoose';
import { ApplicationModel } from '../../models/application.ts';
import { encryptPii } from '../../services/pii/crypto.ts';

export interface CaseSpec {
  itemCode: string;
  department: string;
  name: string;
  company?: boolean;
  status: string;
  acceptedDate?: string;
  deadline?: string;
  completedDate?: string;
  onTime?: boolean;
  onsiteVisits?: number;
  evaluationScore?: number;
  updatedAt?: Date;
  evaluatedAt?: Date;
}

/** Inserts applications as they would stand after accept/complete/evaluate; returns their ids. */
export async function insertCases(specs: CaseSpec[]): Promise<Types.ObjectId[]> {
  const docs = specs.map((s) => ({
    _id: new Types.ObjectId(),
    citizenId: null,
    itemCode: s.itemCode,
    department: s.department,
    applicantNameEnc: encryptPii(s.name),
    applicantIsCompany: s.company ?? false,
    status: s.status,
    materials: [],
    supplement: [],
    history: [],
    acceptedAt: s.acceptedDate ? new Date(`${s.acceptedDate}T02:00:00Z`) : null,
    acceptedDate: s.acceptedDate ?? null,
    deadline: s.deadline ?? null,
    completedAt: s.completedDate ? new Date(`${s.completedDate}T08:00:00Z`) : null,
    completedDate: s.completedDate ?? null,
    onTime: s.onTime ?? null,
    onsiteVisits: s.onsiteVisits ?? null,
    evaluated: s.evaluationScore != null,
    evaluationScore: s.evaluationScore ?? null,
    evaluatedAt: s.evaluationScore != null ? (s.evaluatedAt ?? new Date()) : null,
    paid: false,
    createdAt: s.updatedAt ?? new Date(),
    updatedAt: s.updatedAt ?? new Date(),
  }));
  await ApplicationModel.collection.insertMany(docs);
  return docs.map((d) => d._id);
}
