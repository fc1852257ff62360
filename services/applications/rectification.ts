// 整改 tasks opened by 差评: listed for admins of the department, closed with a reply that
// the citizen reads on their application, and warned about when due.
import { isValidObjectId, type Types } from 'mongoose';
import { updateApplication } from './write.ts';
import { RectificationModel, type Rectification } from '../../models/rectification.ts';
import { StaffNoticeModel } from '../../models/staff-notice.ts';
import { staffCoversDepartment, type StaffPrincipal } from '../../server/auth/principal.ts';
import { invalidState, notFound } from '../../server/errors.ts';
import { logger } from '../../server/logger.ts';
import { findPage, type Page } from '../../server/pagination.ts';
import { businessDate } from './business-date.ts';
import { addWorkingDays } from './working-days.ts';

/** Working days before the deadline from which a rectification is warned about. */
export const WARN_WORKING_DAYS = 2;
const WARN_BATCH = 200;

/** Rectifications in the admin's scope, earliest deadline first. */
export async function listRectifications(staff: StaffPrincipal, status: 'open' | 'closed' | undefined, page: Page) {
  const filter: Record<string, unknown> = {};
  if (status) filter.status = status;
  if (staff.role !== 'center_admin') filter.department = staff.department;
  return findPage<Rectification & { _id: Types.ObjectId }>(RectificationModel, filter, { deadline: 1, _id: 1 }, page);
}

/** Closes an open rectification with its reply and shows the reply on the application. */
export async function closeRectification(staff: StaffPrincipal, id: string, reply: string, now = new Date()) {
  const current = isValidObjectId(id) ? await RectificationModel.findById(id).lean() : null;
  if (!current || !staffCoversDepartment(staff, current.department)) throw notFound('整改任务');
  // Closed once: of two admins answering at the same moment, one update finds it open.
  const closed = await RectificationModel.findOneAndUpdate(
    { _id: id, status: 'open' },
    { $set: { status: 'closed', reply, closedAt: now, closedBy: staff.id } },
    { returnDocument: 'after' },
  ).lean();
  if (!closed) throw invalidState('closed', '关闭整改');
  await updateApplication(String(current.applicationId), {}, { $set: { rectificationReply: reply, rectifiedAt: now } }, now);
  return closed;
}

/** Writes one staff notice per open rectification due within WARN_WORKING_DAYS, once a day. */
export async function warnDueRectifications(now: Date): Promise<{ warned: number }> {
  const today = businessDate(now);
  const horizon = await addWorkingDays(today, WARN_WORKING_DAYS);
  const due = await RectificationModel.find({ status: 'open', deadline: { $lte: horizon }, lastWarnedDate: { $ne: today } })
    .sort({ deadline: 1 })
    .limit(WARN_BATCH)
    .lean();
  let warned = 0;
  for (const task of due) {
    // Marked per day by a guarded update, so a second run (or instance) does not warn twice.
    const marked = await RectificationModel.updateOne({ _id: task._id, status: 'open', lastWarnedDate: { $ne: today } }, { $set: { lastWarnedDate: today } });
    if (marked.modifiedCount === 0) continue;
    const overdue = task.deadline < today;
    await StaffNoticeModel.create({
      department: task.department,
      audience: 'dept_admin',
      kind: overdue ? 'rectification_overdue' : 'rectification_due',
      entity: 'rectification',
      entityId: String(task._id),
      message: overdue ? `差评整改已超期（期限 ${task.deadline}），请尽快处理` : `差评整改将于 ${task.deadline} 到期，请及时处理`,
      createdAt: now,
    });
    logger.warn({ rectification: String(task._id), department: task.department, deadline: task.deadline, overdue }, 'rectification due');
    warned += 1;
  }
  return { warned };
}
