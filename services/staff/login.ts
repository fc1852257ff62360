// Staff login with a lockout that cannot be turned against the clerk. Failures are counted on
// the shared fixed-window counter in two ways:
// - per account and address: MAX_FAILURES wrong passwords from one address lock that address
//   out of that account until the window ends (someone guessing from one place);
// - per account: ACCOUNT_MAX_FAILURES from anywhere lock the account for addresses it has never
//   signed in from (guessing spread over many places), while the addresses it has used before
//   keep working, so nobody can lock a clerk out of their own window PC.
// Unknown usernames are counted the same way, so a lockout tells nothing about who exists.
// An admin's unlock bumps the account's loginEpoch, which every counter key carries: all its
// counts are forgotten in one write and their documents expire by TTL.
import { StaffModel } from '../../models/staff.ts';
import { AppError, unauthenticated } from '../../server/errors.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { countInWindow, peekWindow, resetWindow } from '../rate-limit/counter.ts';

export const MAX_FAILURES = 5;
export const ACCOUNT_MAX_FAILURES = 50;
export const LOCK_MINUTES = 15;
const WINDOW_SECONDS = LOCK_MINUTES * 60;
const KNOWN_ADDRESSES_KEPT = 10;

interface LoginOptions {
  /** The client's address (ctx.ip); '' when unknown. */
  address?: string;
  /** Signing in to change the password: allowed while a change is required. */
  changingPassword?: boolean;
}

const accountKey = (username: string, epoch: number) => `login-failure:staff:${username}:${epoch}`;
const addressKey = (username: string, epoch: number, address: string) => `${accountKey(username, epoch)}:${address}`;
const locked = (until: Date) =>
  new AppError(423, 'ACCOUNT_LOCKED', '密码错误次数过多，账号已临时锁定，请稍后再试或联系管理员解锁', { lockedUntil: until.toISOString() });

/** Checks the password and answers the staff principal; every failure looks the same. */
export async function loginStaff(username: string, password: string, now: Date, options: LoginOptions = {}): Promise<StaffPrincipal & { name: string }> {
  const address = options.address ?? '';
  const staff = await StaffModel.findOne({ username }).lean();
  const epoch = staff?.loginEpoch ?? 0;
  const known = staff?.knownAddresses?.includes(address) ?? false;
  const [fromHere, overall] = await Promise.all([
    peekWindow(addressKey(username, epoch, address), WINDOW_SECONDS, now),
    known ? null : peekWindow(accountKey(username, epoch), WINDOW_SECONDS, now),
  ]);
  if (fromHere.count >= MAX_FAILURES) throw locked(fromHere.endsAt);
  if (overall && overall.count >= ACCOUNT_MAX_FAILURES) throw locked(overall.endsAt);
  if (!staff?.active || !(await verifyPassword(password, staff.passwordHash))) {
    await Promise.all([
      countInWindow(addressKey(username, epoch, address), WINDOW_SECONDS, now),
      countInWindow(accountKey(username, epoch), WINDOW_SECONDS, now),
    ]);
    throw unauthenticated('用户名或密码错误');
  }
  await Promise.all([
    fromHere.count > 0 ? resetWindow(addressKey(username, epoch, address), WINDOW_SECONDS, now) : null,
    known ? null : rememberAddress(staff._id, address),
  ]);
  if (staff.mustChangePassword && !options.changingPassword) {
    throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码已被重置，请先修改密码（POST /api/v1/auth/staff/password）');
  }
  return { kind: 'staff', id: String(staff._id), name: staff.name, role: staff.role, department: staff.department ?? null, windows: staff.windows };
}

/** Keeps the address among the account's last KNOWN_ADDRESSES_KEPT sign-in addresses. */
async function rememberAddress(id: unknown, address: string): Promise<void> {
  if (!address) return;
  await StaffModel.updateOne({ _id: id, knownAddresses: { $ne: address } }, { $push: { knownAddresses: { $each: [address], $slice: -KNOWN_ADDRESSES_KEPT } } });
}

/** True while the account has had MAX_FAILURES or more failures in the current window (some address is locked). */
export async function isStaffLocked(username: string, now: Date): Promise<boolean> {
  const staff = await StaffModel.findOne({ username }, { loginEpoch: 1 }).lean();
  return (await peekWindow(accountKey(username, staff?.loginEpoch ?? 0), WINDOW_SECONDS, now)).count >= MAX_FAILURES;
}

/** Lifts every lockout of the account at once (an admin's action); true when it was locked. */
export async function unlockStaff(username: string, now: Date): Promise<boolean> {
  const wasLocked = await isStaffLocked(username, now);
  await StaffModel.updateOne({ username }, { $inc: { loginEpoch: 1 } });
  return wasLocked;
}
