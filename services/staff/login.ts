// Staff login with lockout: MAX_FAILURES wrong passwords within LOCK_MINUTES lock the account
// until the oldest of them ages out. Failures are counted as inserted hit documents, so
// parallel guesses cannot slip past the count on any backend.
import { StaffModel } from '../../models/staff.ts';
import { AppError, unauthenticated } from '../../server/errors.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { clearHits, countHits, recordHit, windowFreesAt } from '../rate-limit/hits.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const WINDOW_MS = LOCK_MINUTES * 60_000;

/** Checks the password and answers the staff principal; every failure looks the same. */
const failureKeyOf = (username: string) => `login-failure:staff:${username}`;

/** Lifts a lockout at once (an admin's action); true when the account was locked. */
export async function unlockStaff(username: string, now = new Date()): Promise<boolean> {
  const locked = (await countHits(failureKeyOf(username), WINDOW_MS, now)) >= MAX_FAILURES;
  await clearHits(failureKeyOf(username));
  return locked;
}

/** True while the account is locked by failed sign-ins. */
export async function isStaffLocked(username: string, now = new Date()): Promise<boolean> {
  return (await countHits(failureKeyOf(username), WINDOW_MS, now)) >= MAX_FAILURES;
}

export async function loginStaff(
  username: string,
  password: string,
  now = new Date(),
  { changingPassword = false } = {},
): Promise<StaffPrincipal & { name: string }> {
  const failureKey = failureKeyOf(username);
  if ((await countHits(failureKey, WINDOW_MS, now)) >= MAX_FAILURES) {
    const lockedUntil = await windowFreesAt(failureKey, WINDOW_MS, now);
    throw new AppError(423, 'ACCOUNT_LOCKED', '密码错误次数过多，账号已临时锁定，请稍后再试', { lockedUntil: lockedUntil.toISOString() });
  }
  const staff = await StaffModel.findOne({ username, active: true }).lean();
  if (!staff || !(await verifyPassword(password, staff.passwordHash))) {
    await recordHit(failureKey, WINDOW_MS, now);
    throw unauthenticated('用户名或密码错误');
  }
  await clearHits(failureKey);
  if (staff.mustChangePassword && !changingPassword) {
    throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码已被重置，请先修改密码（POST /api/v1/auth/staff/password）');
  }
  return {
    kind: 'staff',
    id: String(staff._id),
    name: staff.name,
    role: staff.role,
    department: staff.department ?? null,
    windows: staff.windows,
  };
}
