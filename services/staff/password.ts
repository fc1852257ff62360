// A staff member changes their own password, with the current one (the only way out of
// "must change password" after an admin created the account or reset it).
import { StaffModel } from '../../models/staff.ts';
import { validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { hashPassword } from '../auth/passwords.ts';
import { loginStaff } from './login.ts';

/** Checks the current password (with the login lockout) and sets the new one. */
export async function changeOwnPassword(username: string, password: string, newPassword: string, now: Date, address = ''): Promise<void> {
  if (newPassword === password) throw validationFailed({ 'body.newPassword': '新密码不能与当前密码相同' });
  const staff = await loginStaff(username, password, now, { address, changingPassword: true });
  await StaffModel.updateOne({ _id: staff.id, active: true }, { $set: { passwordHash: await hashPassword(newPassword), mustChangePassword: false } });
  await recordAudit({ actor: staff, action: 'change_password', entity: 'staff', entityId: staff.id }, now);
}
