// Creates the first center admin from ADMIN_USERNAME / ADMIN_PASSWORD when absent.
import { StaffModel } from '../../models/staff.ts';
import { hashPassword } from '../auth/passwords.ts';

export async function ensureFirstAdmin(username: string, password: string): Promise<boolean> {
  if (await StaffModel.exists({ username })) return false;
  await StaffModel.updateOne(
    { username },
    { $setOnInsert: { username, name: '中心管理员', passwordHash: await hashPassword(password), role: 'center_admin', department: null, windows: [] } },
    { upsert: true },
  );
  return true;
}
