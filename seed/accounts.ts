// Demo staff (one department admin and one window clerk per department) and the HALL1 lobby
// screen. Created only when absent: a password or token changed since is never overwritten.
import { ScreenDeviceModel } from '../models/screen-device.ts';
import { StaffModel } from '../models/staff.ts';
import type { StaffRole } from '../server/auth/principal.ts';
import { hashScreenToken } from '../server/auth/screen-token.ts';
import { hashPassword } from '../services/auth/passwords.ts';
import type { SeedCredentials } from './credentials.ts';
import { departments } from './data/departments.ts';
import { HALL, windows } from './data/windows.ts';

interface StaffSeed {
  username: string;
  name: string;
  role: StaffRole;
  department: string;
  windows: string[];
}

export const SCREEN_DEVICE_ID = 'SCREEN-HALL1-01';

/** Two accounts per department: `<code>_admin` (all its windows) and `<code>_window1` (its first own window). */
export function staffSeeds(): StaffSeed[] {
  return departments.flatMap(({ code, name }) => {
    const own = windows.filter((w) => w.department === code);
    const counter = own.find((w) => !w.name.includes('综合受理')) ?? own[0];
    const prefix = code.toLowerCase();
    return [
      { username: `${prefix}_admin`, name: `${name}管理员`, role: 'dept_admin' as const, department: code, windows: own.map((w) => w.code) },
      { username: `${prefix}_window1`, name: `${name}窗口工作人员`, role: 'window' as const, department: code, windows: counter ? [counter.code] : [] },
    ];
  });
}

/** Inserts the staff accounts that do not exist yet; returns how many it created. */
export async function seedStaff(password: string): Promise<number> {
  let created = 0;
  for (const staff of staffSeeds()) {
    if (await StaffModel.exists({ username: staff.username })) continue;
    const passwordHash = await hashPassword(password);
    const result = await StaffModel.updateOne({ username: staff.username }, { $setOnInsert: { ...staff, passwordHash } }, { upsert: true });
    created += result.upsertedCount;
  }
  return created;
}

/** Inserts the HALL1 screen device when absent; returns 1 when it did. */
export async function seedScreen(credentials: SeedCredentials): Promise<number> {
  const result = await ScreenDeviceModel.updateOne(
    { _id: SCREEN_DEVICE_ID },
    { $setOnInsert: { name: '一楼大厅叫号大屏', hallCode: HALL, tokenHash: hashScreenToken(credentials.screenToken) } },
    { upsert: true },
  );
  return result.upsertedCount;
}
