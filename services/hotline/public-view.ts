// Requests as the public sees them (Open311 GET requests, the public site): never a 举报, no
// caller, and the text with phone and ID numbers masked.
import { DepartmentModel } from '../../models/department.ts';
import { HotlineRequestModel, type HotlineRequestDoc } from '../../models/hotline-request.ts';
import { maskIdNumber, maskPhone } from '../pii/mask.ts';
import { listCategories } from './categories.ts';

/** Masks what looks like a phone or ID number (7 or more digits, an X at the end of an ID). */
export function maskText(text: string): string {
  return text.replace(/\d{17}[\dXx]|\d{7,}/g, (digits) => (digits.length >= 15 ? maskIdNumber(digits) : maskPhone(digits)));
}

export interface PublicFilter {
  numbers?: string[] | undefined;
  categories?: string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  statuses?: ('open' | 'closed')[] | undefined;
}

const CLOSED = ['closed', 'merged'];
export const PUBLIC_LIMIT = 1000;
const DEFAULT_WINDOW_MS = 90 * 24 * 3600_000;

/** The public requests matching GeoReport's filters (ids win over the others), newest first. */
export async function publicRequests(filter: PublicFilter, now: Date): Promise<HotlineRequestDoc[]> {
  const query: Record<string, unknown> = { type: { $ne: '举报' } };
  if (filter.numbers?.length) query.number = { $in: filter.numbers };
  else {
    if (filter.categories?.length) query.category = { $in: filter.categories };
    const to = filter.to ?? now;
    query.receivedAt = { $gte: filter.from ?? new Date(to.getTime() - DEFAULT_WINDOW_MS), $lte: to };
    const statuses = new Set(filter.statuses ?? []);
    if (statuses.size === 1) query.status = statuses.has('closed') ? { $in: CLOSED } : { $nin: CLOSED };
  }
  return HotlineRequestModel.find(query).sort({ receivedAt: -1, _id: -1 }).limit(PUBLIC_LIMIT).lean<HotlineRequestDoc[]>();
}

/** Names for the answer: categories by code, departments by code. */
export async function publicNames(): Promise<{ categories: Map<string, string>; departments: Map<string, string> }> {
  const [categories, departments] = await Promise.all([listCategories(true), DepartmentModel.find({}, { code: 1, name: 1 }).limit(1000).lean()]);
  return { categories: new Map(categories.map((c) => [c.code, c.name])), departments: new Map(departments.map((d) => [d.code, d.name])) };
}

export const geoReportStatus = (request: Pick<HotlineRequestDoc, 'status'>) => (CLOSED.includes(request.status) ? 'closed' : 'open');
