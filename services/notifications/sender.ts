// Delivers the outbox. Each attempt of a row is claimed with a unique insert (then leased on
// nextAttemptAt), so two instances never send the same message; failures back off exponentially and give up
// after MAX_ATTEMPTS, or at once when WeChat says the failure is permanent.
import { CitizenModel } from '../../models/citizen.ts';
import type { Types } from 'mongoose';
import { NotificationModel, type Notification } from '../../models/notification.ts';
import { config } from '../../server/config.ts';
import { logger } from '../../server/logger.ts';
import { claimOnce } from '../claims/claim.ts';
import { WechatApiError, isRetryable, sendSubscribeMessage } from '../../integrations/wechat/index.ts';
import { wechatOptions } from '../citizens/wechat-options.ts';

export interface OutgoingMessage {
  toUser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}
export type SendMessage = (message: OutgoingMessage) => Promise<void>;

export const MAX_ATTEMPTS = 6;
const LEASE_MS = 5 * 60_000;
const BATCH = 100;

/** Sends through WeChat's subscribeMessage.send with the configured app. */
export const sendThroughWechat: SendMessage = (message) =>
  sendSubscribeMessage({ ...wechatOptions(), ...message });

/** Wait before attempt `attempts + 1`: 1, 2, 4 … minutes, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

/** Sends every due message (a bounded batch); returns what happened. */
export async function sendDueNotifications(now: Date, send: SendMessage = sendThroughWechat) {
  const counts = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const due = await NotificationModel.find({ status: 'pending', nextAttemptAt: { $lte: now } })
    .sort({ nextAttemptAt: 1 })
    .limit(BATCH)
    .lean<Row[]>();
  for (const row of due) {
    // One attempt per row and attempt number, whichever instance claims it first.
    if (!(await claimOnce(`notification:${String(row._id)}:${row.attempts}`, now))) continue;
    const attempt = { ...row, attempts: row.attempts + 1 };
    await NotificationModel.updateOne(
      { _id: row._id },
      { $set: { attempts: attempt.attempts, nextAttemptAt: new Date(now.getTime() + LEASE_MS) } },
    );
    counts[await deliver(attempt, now, send)] += 1;
  }
  return counts;
}

type Row = Notification & { _id: Types.ObjectId };

/** The subscription-message template of a kind of notification ('' when not configured). */
function templateFor(kind: string): string {
  return kind === 'appointment_reminder' ? config.WECHAT_TEMPLATE_APPOINTMENT_REMINDER : config.WECHAT_TEMPLATE_CASE_STATUS;
}

async function deliver(row: Row, now: Date, send: SendMessage): Promise<'sent' | 'retrying' | 'failed' | 'skipped'> {
  const citizen = await CitizenModel.findById(row.citizenId, { openid: 1 }).lean();
  const templateId = templateFor(row.kind);
  if (!citizen || !templateId) {
    await finish(row, 'skipped', citizen ? 'no template configured' : 'citizen gone');
    return 'skipped';
  }
  try {
    await send({ toUser: citizen.openid, templateId, page: row.page, data: row.data as OutgoingMessage['data'] });
    await NotificationModel.updateOne({ _id: row._id }, { $set: { status: 'sent', sentAt: now, templateId, lastError: null } });
    return 'sent';
  } catch (error) {
    const permanent = error instanceof WechatApiError && !isRetryable(error);
    const reason = String((error as Error)?.message ?? error).slice(0, 500);
    if (permanent || row.attempts >= MAX_ATTEMPTS) {
      logger.warn({ notification: String(row._id), attempts: row.attempts, reason }, 'notification given up');
      await finish(row, 'failed', reason);
      return 'failed';
    }
    await NotificationModel.updateOne(
      { _id: row._id },
      { $set: { nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)), lastError: reason } },
    );
    return 'retrying';
  }
}

async function finish(row: Row, status: 'failed' | 'skipped', reason: string): Promise<void> {
  await NotificationModel.updateOne({ _id: row._id }, { $set: { status, lastError: reason } });
}
