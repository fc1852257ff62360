// Admin changes to schedules, in the admin's department scope, audited. Every change
// regenerates the window group's future empty slots; booked slots are never touched.
import { ScheduleModel, type ScheduleDoc } from '../../models/schedule.ts';
import { WindowModel } from '../../models/window.ts';
import { staffCoversDepartment, type StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { hoursProblems, type WeekdayHours } from './slot-plan.ts';
import { regenerateWindowGroup } from './slot-generation.ts';
import { windowGroupOf } from './window-group.ts';

export interface ScheduleInput {
  windows: string[];
  hours: WeekdayHours[];
  slotMinutes: number;
  seatsPerSlot: number;
  active?: boolean;
}
export type SchedulePatch = Partial<Omit<ScheduleInput, 'windows'>>;

interface Actor {
  actor: StaffPrincipal;
  requestId?: string;
}

/** The answer shape of a schedule. */
export function presentSchedule(schedule: ScheduleDoc) {
  return {
    id: String(schedule._id),
    windowGroup: schedule.windowGroup,
    windows: [...schedule.windows],
    department: schedule.department,
    hours: schedule.hours.map((h) => ({ weekday: h.weekday, open: h.open, close: h.close, lunchStart: h.lunchStart ?? null, lunchEnd: h.lunchEnd ?? null })),
    slotMinutes: schedule.slotMinutes,
    seatsPerSlot: schedule.seatsPerSlot,
    active: schedule.active,
  };
}

/** A schedule the admin may see and change. */
export async function scheduleInScope(id: string, staff: StaffPrincipal): Promise<ScheduleDoc> {
  const schedule = await ScheduleModel.findById(id).lean<ScheduleDoc>();
  if (!schedule || !staffCoversDepartment(staff, schedule.department)) throw notFound('排班');
  return schedule;
}

function assertHours(hours: WeekdayHours[] | undefined): void {
  const problems = hours ? hoursProblems(hours) : [];
  if (problems.length) throw validationFailed({ 'body.hours': problems.join('；') }, '办公时间设置有误');
}

/** Creates the schedule of the window group served by `windows`. */
export async function createSchedule(input: ScheduleInput, { actor, requestId }: Actor, now = new Date()) {
  assertHours(input.hours);
  const windows = await WindowModel.find({ code: { $in: input.windows } }, { code: 1, department: 1 }).lean();
  const missing = input.windows.filter((code) => !windows.some((w) => w.code === code));
  if (missing.length) throw validationFailed({ 'body.windows': `窗口不存在：${missing.join('、')}` });
  const departments = new Set(windows.map((w) => w.department));
  if (departments.size !== 1) throw validationFailed({ 'body.windows': '同一排班的窗口须属于同一部门' });
  const department = [...departments][0]!;
  if (!staffCoversDepartment(actor, department)) throw forbidden('只能管理本部门的排班');
  const windowGroup = windowGroupOf(input.windows);
  if (await ScheduleModel.exists({ windowGroup })) throw conflict('SCHEDULE_EXISTS', '该窗口组已有排班', { windowGroup });
  const created = (await ScheduleModel.create({ ...input, windows: windowGroup.split('+'), windowGroup, department })).toObject() as ScheduleDoc;
  await recordAudit({ actor, action: 'create', entity: 'schedule', entityId: String(created._id), after: presentSchedule(created), requestId });
  return { ...presentSchedule(created), slots: await regenerateWindowGroup(windowGroup, now) };
}

/** Changes hours, slot length, seats or the active flag; regenerates future empty slots. */
export async function updateSchedule(id: string, patch: SchedulePatch, { actor, requestId }: Actor, now = new Date()) {
  assertHours(patch.hours);
  const before = await scheduleInScope(id, actor);
  const after = await ScheduleModel.findByIdAndUpdate(before._id, { $set: patch }, { returnDocument: 'after', runValidators: true }).lean<ScheduleDoc>();
  if (!after) throw notFound('排班');
  await recordAudit({ actor, action: 'update', entity: 'schedule', entityId: id, before: presentSchedule(before), after: presentSchedule(after), requestId });
  return { ...presentSchedule(after), slots: await regenerateWindowGroup(after.windowGroup, now) };
}

/** Deletes a schedule and its future empty slots; booked slots stay. */
export async function deleteSchedule(id: string, { actor, requestId }: Actor, now = new Date()) {
  const before = await scheduleInScope(id, actor);
  await ScheduleModel.deleteOne({ _id: before._id });
  await recordAudit({ actor, action: 'delete', entity: 'schedule', entityId: id, before: presentSchedule(before), requestId });
  return { slots: await regenerateWindowGroup(before.windowGroup, now) };
}
