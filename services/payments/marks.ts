// Once-only effects and short per-order locks, both by inserting a unique key.
import { PaymentMarkModel } from '../../models/payment-mark.ts';
import { conflict } from '../../server/errors.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

/** A lock older than this was left by a crashed request and may be taken over. */
const LOCK_STALE_MS = 60_000;

/** True the first time `key` is marked, false ever after. */
export async function markOnce(key: string, now = new Date()): Promise<boolean> {
  try {
    await PaymentMarkModel.create({ _id: key, at: now });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Runs `work` while holding `key`; 409 `busyCode` if another request holds it. */
export async function withLock<T>(key: string, busyCode: string, work: () => Promise<T>): Promise<T> {
  const lockKey = `lock:${key}`;
  if (!(await markOnce(lockKey))) {
    const released = await PaymentMarkModel.deleteOne({ _id: lockKey, at: { $lt: new Date(Date.now() - LOCK_STALE_MS) } });
    if (released.deletedCount === 0 || !(await markOnce(lockKey))) throw conflict(busyCode, '操作正在进行中，请稍后再试');
  }
  try {
    return await work();
  } finally {
    await PaymentMarkModel.deleteOne({ _id: lockKey });
  }
}
