// Who may see and do what with a hotline request. The hotline center (operators, center admins)
// sees every request; a department sees the requests it leads or co-handles, and only the lead
// department acts on them. A 举报's reporter is never shown to a department.
import type { HotlineRequestDoc } from '../../models/hotline-request.ts';
import { isHotlineCenter, type StaffPrincipal } from '../../server/auth/principal.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { findRequest } from './transition.ts';

export const leads = (staff: StaffPrincipal, request: Pick<HotlineRequestDoc, 'department'>) => !!staff.department && staff.department === request.department;

export const coHandles = (staff: StaffPrincipal, request: Pick<HotlineRequestDoc, 'coHandlers'>) =>
  !!staff.department && request.coHandlers.includes(staff.department);

export const maySee = (staff: StaffPrincipal, request: Pick<HotlineRequestDoc, 'department' | 'coHandlers'>) =>
  isHotlineCenter(staff) || leads(staff, request) || coHandles(staff, request);

/** A request the staff member may see, or 404 (one out of scope is not shown to exist). */
export async function visibleRequest(staff: StaffPrincipal, id: string): Promise<HotlineRequestDoc> {
  const request = await findRequest(id);
  if (!request || !maySee(staff, request)) throw notFound('诉求');
  return request;
}

/** A request the staff member's department leads; a co-handler or the center gets 403. */
export async function ledRequest(staff: StaffPrincipal, id: string): Promise<HotlineRequestDoc> {
  const request = await visibleRequest(staff, id);
  if (!leads(staff, request)) throw forbidden('只有承办部门可以进行此操作');
  return request;
}

/** The staff filter of the work list: the center sees all, a department its own and co-handled. */
export function staffListFilter(staff: StaffPrincipal): Record<string, unknown> {
  if (isHotlineCenter(staff)) return {};
  if (!staff.department) return { _id: null };
  return { handlers: staff.department };
}
