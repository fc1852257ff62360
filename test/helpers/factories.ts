// Factories: create exactly what a test needs, with random suffixes so tests never collide.
import { randomBytes } from 'node:crypto';
import { CitizenModel } from '../../models/citizen.ts';
import { DepartmentModel } from '../../models/department.ts';
import { ItemModel } from '../../models/item.ts';
import { StaffModel } from '../../models/staff.ts';
import { WindowModel } from '../../models/window.ts';
import type { StaffRole } from '../../server/auth/principal.ts';
import { signToken } from '../../server/auth/tokens.ts';
import { hashPassword } from '../../services/auth/passwords.ts';
import { catalogueWritten } from './app.ts';

export const suffix = () => randomBytes(3).toString('hex').toUpperCase();

export async function buildDepartment(overrides: Record<string, unknown> = {}) {
  const code = `D${suffix()}`;
  const department = await DepartmentModel.create({ code, name: `测试部门${code}`, ...overrides });
  return department.toObject();
}

export async function buildWindow(department: string, overrides: Record<string, unknown> = {}) {
  const code = `W${suffix()}`;
  const window = await WindowModel.create({ code, name: `${code}号窗口`, hallCode: 'HALL1', location: '一楼', department, ...overrides });
  return window.toObject();
}

/** A complete, valid guide; override any field. Refreshes the in-memory catalogue. */
export async function buildItem(overrides: Record<string, unknown> = {}) {
  const department = (overrides.department as string) ?? (await buildDepartment()).code;
  const windows = (overrides.windows as string[]) ?? [(await buildWindow(department)).code];
  const item = await ItemModel.create({ ...itemFields(department, windows), ...overrides });
  await catalogueWritten();
  return item.toObject();
}

/** The fields of a valid item, as an admin would post them. */
export function itemFields(department: string, windows: string[], code = `IT${suffix()}`) {
  return {
    code,
    name: `测试事项${code}`,
    department,
    category: '行政许可' as const,
    caseType: 'promised' as const,
    conditions: '符合条件的申请人',
    materials: [
      { name: '居民身份证', form: '原件' as const, copies: 1, required: true },
      { name: '申请表', form: '原件' as const, copies: 1, required: true },
      { name: '委托书', form: '原件' as const, copies: 1, required: false },
    ],
    process: [
      { step: '受理', description: '窗口受理' },
      { step: '办结', description: '出具结果' },
    ],
    legalLimitDays: 20,
    promisedLimitDays: 5,
    fee: { charged: false, items: [] },
    windows,
    hours: '工作日 9:00-12:00，13:30-17:00',
    helpline: '0571-88880000',
    complaintLine: '12345',
    visits: 1,
    onsiteReason: '需核验原件',
    onlineBooking: true,
    onlinePreReview: true,
    keywords: ['测试'],
  };
}

export interface StaffFixture {
  id: string;
  username: string;
  password: string;
  token: string;
  department: string | null;
  windows: string[];
}

export async function buildStaff(role: StaffRole, department: string | null, windows: string[] = []): Promise<StaffFixture> {
  const username = `staff_${suffix().toLowerCase()}`;
  const password = `pw-${suffix()}-secret`;
  const staff = await StaffModel.create({ username, name: '王小明', passwordHash: await hashPassword(password), role, department, windows });
  const token = await signToken({ kind: 'staff', id: String(staff._id), role, department, windows });
  return { id: String(staff._id), username, password, token, department, windows };
}

export async function buildCitizen(overrides: Record<string, unknown> = {}) {
  const citizen = await CitizenModel.create({ openid: `o${suffix()}${suffix()}`, ...overrides });
  const token = await signToken({ kind: 'citizen', id: String(citizen._id) });
  return { id: String(citizen._id), openid: citizen.openid, token };
}
