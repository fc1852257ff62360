// Staff login with lockout: after MAX_FAILURES wrong passwords in a row the account is
// locked for LOCK_MINUTES (counted atomically, so parallel guesses cannot slip past).
import { StaffModel } from '../../models/staff.ts';
import { AppError, unauthenticated } from '../../server/errors.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { verifyPassword } from '../auth/passwords.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** Checks the password and answers the staff principal; every failure looks the same. */
export async function loginStaff(username: string, password: string, now = new Date()): Promise<StaffPrincipal & { name: string }> {
  const staff = await StaffModel.findOne({ username, active: true }).lean();
  if (!staff) throw unauthenticated('用户名或密码错误');
  if (staff.lockedUntil && staff.lockedUntil > now) {
    throw new AppError(423, 'ACCOUNT_LOCKED', '密码错误次数过多，账号已临时锁定，请稍后再试', {
      lockedUntil: staff.lockedUntil.toISOString(),
    });
  }
  if (!(await verifyPassword(password, staff.passwordHash))) {
    const updated = await StaffModel.findOneAndUpdate({ _id: staff._id }, { $inc: { failedLogins: 1 } }, { returnDocument: 'after' }).lean();
    if ((updated?.failedLogins ?? 0) >= MAX_FAILURES) {
      await StaffModel.updateOne(
        { _id: staff._id },
        { $set: { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), failedLogins: 0 } },
      );
    }
    throw unauthenticated('用户名或密码错误');
  }
  if (staff.failedLogins > 0) await StaffModel.updateOne({ _id: staff._id }, { $set: { failedLogins: 0 } });
  return {
    kind: 'staff',
    id: String(staff._id),
    name: staff.name,
    role: staff.role,
    department: staff.department ?? null,
    windows: staff.windows,
  };
}
