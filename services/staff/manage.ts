// Managing staff accounts: create, change role and scope, reset a password (forcing a change at
// the next sign-in), disable and enable. Each action is audited and scoped: a department admin
// manages only window staff and department admins of their own department, and never a center
// admin. Every change is one guarded update on the account it names.
import { Types } from 'mongoose';
import { StaffModel, type Staff } from '../../models/staff.ts';
import type { StaffPrincipal, StaffRole } from '../../server/auth/principal.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { recordAudit } from '../audit/record.ts';
import { hashPassword } from '../auth/passwords.ts';

export type StaffRecord = Staff & { _id: Types.ObjectId };

export interface StaffInput {
  username: string;
  name: string;
  role: StaffRole;
  department: string | null;
  windows: string[];
  password: string;
}
export type StaffPatch = Partial<Pick<StaffInput, 'name' | 'role' | 'department' | 'windows'>>;

interface Acting {
  actor: StaffPrincipal;
  requestId?: string;
  now: Date;
}

/** May `actor` manage an account with this role and department? */
export function mayManage(actor: StaffPrincipal, target: { role: StaffRole; department: string | null }): boolean {
  if (actor.role === 'center_admin') return true;
  if (actor.role !== 'dept_admin') return false;
  return target.role !== 'center_admin' && target.role !== 'hotline_operator' && target.department === actor.department;
}

/** The problems of a role/department combination, as request-field messages. */
function scopeProblems(role: StaffRole, department: string | null): Record<string, string> {
  if (role === 'center_admin' && department) return { 'body.department': '中心管理员不属于某个部门' };
  if (role === 'hotline_operator' && department) return { 'body.department': '热线话务员属于热线中心，不属于某个部门' };
  if (role !== 'center_admin' && role !== 'hotline_operator' && !department) return { 'body.department': '窗口人员和部门管理员须指定所属部门' };
  return {};
}

/** The list filter in the actor's scope. */
export function staffListFilter(actor: StaffPrincipal, query: { department?: string; role?: StaffRole }) {
  const department = actor.role === 'center_admin' ? query.department : actor.department;
  return { ...(department ? { department } : {}), ...(query.role ? { role: query.role } : {}) };
}

/** An account the actor may manage, or 404 (an account out of scope is not shown to exist). */
export async function staffInScope(id: string, actor: StaffPrincipal): Promise<StaffRecord> {
  const staff = Types.ObjectId.isValid(id) ? await StaffModel.findById(id).lean<StaffRecord>() : null;
  if (!staff || !mayManage(actor, { role: staff.role, department: staff.department ?? null })) throw notFound('工作人员');
  return staff;
}

/** Creates an account that must change its password at first sign-in. */
export async function createStaff(input: StaffInput, { actor, requestId, now }: Acting): Promise<StaffRecord> {
  const problems = scopeProblems(input.role, input.department);
  if (Object.keys(problems).length) throw validationFailed(problems, '角色与所属部门不匹配');
  if (!mayManage(actor, input)) throw forbidden('只能管理本部门的窗口人员和部门管理员');
  const { password, ...fields } = input;
  try {
    const created = await StaffModel.create({ ...fields, passwordHash: await hashPassword(password), mustChangePassword: true, active: true });
    const staff = created.toObject<StaffRecord>();
    await recordAudit({ actor, action: 'create', entity: 'staff', entityId: String(staff._id), after: staff, requestId }, now);
    return staff;
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('USERNAME_TAKEN', '该用户名已被使用', { username: input.username });
    throw error;
  }
}

/** Changes name, role, department or windows. */
export async function updateStaff(id: string, patch: StaffPatch, acting: Acting): Promise<StaffRecord> {
  const before = await staffInScope(id, acting.actor);
  const role = patch.role ?? before.role;
  const department = patch.department !== undefined ? patch.department : (before.department ?? null);
  const problems = scopeProblems(role, department);
  if (Object.keys(problems).length) throw validationFailed(problems, '角色与所属部门不匹配');
  if (!mayManage(acting.actor, { role, department })) throw forbidden('只能管理本部门的窗口人员和部门管理员');
  if (String(before._id) === acting.actor.id && role !== before.role) throw forbidden('不能修改自己的角色');
  return change(before, { $set: { ...patch, department } }, 'update', acting);
}

/** Sets a new password and makes the account change it at the next sign-in. */
export async function resetStaffPassword(id: string, password: string, acting: Acting): Promise<StaffRecord> {
  const before = await staffInScope(id, acting.actor);
  return change(before, { $set: { passwordHash: await hashPassword(password), mustChangePassword: true } }, 'reset_password', acting);
}

/** Disables or enables an account; a disabled account cannot sign in or refresh its token. */
export async function setStaffActive(id: string, active: boolean, acting: Acting): Promise<StaffRecord> {
  const before = await staffInScope(id, acting.actor);
  if (!active && String(before._id) === acting.actor.id) throw forbidden('不能停用自己的账号');
  return change(before, { $set: { active } }, active ? 'enable' : 'disable', acting);
}

/** One guarded update (the account still has the role and department it was checked with), audited. */
async function change(before: StaffRecord, update: { $set: Record<string, unknown> }, action: string, { actor, requestId, now }: Acting): Promise<StaffRecord> {
  const after = await StaffModel.findOneAndUpdate({ _id: before._id, role: before.role, department: before.department ?? null }, update, {
    returnDocument: 'after',
    runValidators: true,
  }).lean<StaffRecord>();
  if (!after) throw conflict('STAFF_CHANGED', '该账号刚被他人修改，请刷新后重试');
  await recordAudit({ actor, action, entity: 'staff', entityId: String(before._id), before, after, requestId }, now);
  return after;
}
