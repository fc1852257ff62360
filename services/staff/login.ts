// Staff login with lockout: MAX_FAILURES wrong passwords within one LOCK_MINUTES window lock
// the account until the window ends. Failures are counted per username (known or not, so a
// lockout tells nothing about who exists) on the shared fixed-window counter.
import { StaffModel } from '../../models/staff.ts';
import { AppError, unauthenticated } from '../../server/errors.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { countInWindow, peekWindow, resetWindow } from '../rate-limit/counter.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const WINDOW_SECONDS = LOCK_MINUTES * 60;

/** Checks the password and answers the staff principal; every failure looks the same. */
export async function loginStaff(username: string, password: string, now = new Date()): Promise<StaffPrincipal & { name: string }> {
  const failureKey = `login-failure:staff:${username}`;
  const failures = await peekWindow(failureKey, WINDOW_SECONDS, now);
  if (failures.count >= MAX_FAILURES) {
    throw new AppError(423, 'ACCOUNT_LOCKED', '密码错误次数过多，账号已临时锁定，请稍后再试', { lockedUntil: failures.endsAt.toISOString() });
  }
  const staff = await StaffModel.findOne({ username, active: true }).lean();
  if (!staff || !(await verifyPassword(password, staff.passwordHash))) {
    await countInWindow(failureKey, WINDOW_SECONDS, now);
    throw unauthenticated('用户名或密码错误');
  }
  await resetWindow(failureKey, WINDOW_SECONDS, now);
  return {
    kind: 'staff',
    id: String(staff._id),
    name: staff.name,
    role: staff.role,
    department: staff.department ?? null,
    windows: staff.windows,
  };
}
