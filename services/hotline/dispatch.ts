// 派单, 签收 and 退单. The center dispatches by the category's rule or by hand to one lead
// department (with optional co-handlers); the department signs for it within the category's
// working hours or sends it back, before signing and at most twice: a third return goes to the
// center to decide (status center_review), after which it can no longer be returned.
import { DepartmentModel } from '../../models/department.ts';
import type { HotlineRequestDoc } from '../../models/hotline-request.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { badRequest, conflict, invalidState, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { findCategory } from './categories.ts';
import { ledRequest, visibleRequest } from './access.ts';
import { limitsFor } from './limits.ts';
import { transition } from './transition.ts';
import { deadlineCalendar, workingHoursAfter } from './working-time.ts';

export const MAX_RETURNS = 2;

interface Acting {
  staff: StaffPrincipal;
  now: Date;
  requestId?: string | undefined;
}

async function assertDepartments(codes: string[]): Promise<void> {
  const found = await DepartmentModel.countDocuments({ code: { $in: codes }, active: true });
  if (found !== new Set(codes).size) throw notFound('部门');
}

/** Dispatches a request waiting at the center to its lead department (and co-handlers). */
export async function dispatchRequest(
  id: string,
  choice: { department?: string | undefined; coHandlers?: string[] | undefined },
  { staff, now, requestId }: Acting,
): Promise<HotlineRequestDoc> {
  const request = await visibleRequest(staff, id);
  const category = await findCategory(request.category);
  const department = choice.department ?? category?.department ?? null;
  if (!department) throw badRequest('DEPARTMENT_REQUIRED', '该分类未配置派单规则，请指定承办部门');
  const coHandlers = [...new Set(choice.coHandlers ?? [])].filter((code) => code !== department);
  await assertDepartments([department, ...coHandlers]);
  const limits = limitsFor(request.type, category);
  const signDue = workingHoursAfter(await deadlineCalendar(now), now, limits.signHours);
  const changed = await transition(
    request._id,
    { status: { $in: ['received', 'center_review'] } },
    { $set: { status: 'dispatched', department, coHandlers, handlers: [department, ...coHandlers], dispatchedAt: now, signDue } },
    { action: 'dispatched', actor: staff, now, note: department },
    (current) => {
      throw invalidState(current.status, '派单');
    },
  );
  await recordAudit(
    { actor: staff, action: 'dispatch', entity: 'hotline_request', entityId: changed.number, after: { department, coHandlers }, requestId },
    now,
  );
  return changed;
}

/** 签收: of two clerks signing at once, one wins; the other gets 409 ALREADY_SIGNED. */
export async function signRequest(id: string, { staff, now, requestId }: Acting): Promise<HotlineRequestDoc> {
  const request = await ledRequest(staff, id);
  const changed = await transition(
    request._id,
    { status: 'dispatched', department: staff.department },
    { $set: { status: 'signed', signedAt: now } },
    { action: 'signed', actor: staff, now },
    (current) => {
      if (current.signedAt && current.department === staff.department) throw conflict('ALREADY_SIGNED', '该诉求已被签收', { status: current.status });
      throw invalidState(current.status, '签收');
    },
  );
  await recordAudit({ actor: staff, action: 'sign', entity: 'hotline_request', entityId: changed.number, requestId }, now);
  return changed;
}

/** 退单 before signing, with a reason; the third return goes to the center (center_review). */
export async function returnRequest(id: string, reason: string, { staff, now, requestId }: Acting): Promise<HotlineRequestDoc> {
  const request = await ledRequest(staff, id);
  if (request.returns > MAX_RETURNS) throw conflict('RETURN_LIMIT', '退单次数已达上限，请按中心决定办理', { returns: request.returns });
  const next = request.returns + 1 > MAX_RETURNS ? 'center_review' : 'received';
  const changed = await transition(
    request._id,
    { status: 'dispatched', department: staff.department, returns: request.returns },
    {
      $set: { status: next, department: null, coHandlers: [], handlers: [], dispatchedAt: null, signDue: null },
      $inc: { returns: 1 },
      $push: { returnedBy: staff.department },
    },
    { action: 'returned', actor: staff, now, note: reason },
    (current) => {
      if (current.status === 'dispatched' && current.department === staff.department) throw conflict('RETURN_LIMIT', '退单次数已变化，请刷新后重试');
      throw invalidState(current.status, '退单');
    },
  );
  await recordAudit(
    { actor: staff, action: 'return', entity: 'hotline_request', entityId: changed.number, after: { reason, returns: changed.returns }, requestId },
    now,
  );
  return changed;
}
