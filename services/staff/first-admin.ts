// Creates the first center admin from ADMIN_USERNAME / ADMIN_PASSWORD when absent.
import { StaffModel } from '../../models/staff.ts';
import { hashPassword } from '../auth/passwords.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

/** True when this call created the account; false when it existed (or another instance made it just now). */
export async function ensureFirstAdmin(username: string, password: string): Promise<boolean> {
  if (await StaffModel.exists({ username })) return false;
  try {
    await StaffModel.create({ username, name: '中心管理员', passwordHash: await hashPassword(password), role: 'center_admin', department: null, windows: [] });
    return true;
  } catch (error) {
    // Several instances starting together: the unique username lets exactly one insert win.
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
