// Delivers the outbox. The outbox row is its own lease: a sender takes a due row with one
// guarded findOneAndUpdate (pending and due, or sending with a lease that ran out because its
// sender died), so two instances never send the same attempt. Failures back off exponentially
// and give up after MAX_ATTEMPTS, or at once when WeChat says the failure is permanent.
// Webhook deliveries (channel 'webhook') share the outbox, the lease and the backoff; each of
// their attempts is appended to the row's log, which the admin reads as the delivery log.
import { CitizenModel } from '../../models/citizen.ts';
import type { Types } from 'mongoose';
import { NotificationModel, type Notification } from '../../models/notification.ts';
import { config } from '../../server/config.ts';
import { retainUntil } from '../../server/retention.ts';
import { logger } from '../../server/logger.ts';
import { WechatApiError, isRetryable, sendSubscribeMessage } from '../../integrations/wechat/index.ts';
import { wechatOptions } from '../citizens/wechat-options.ts';
import { attemptWebhook, WEBHOOK_MAX_ATTEMPTS, type PostWebhook } from '../webhooks/deliver.ts';

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
const TICK_BUDGET_MS = 45_000;
const DAY_MS = 24 * 3600_000;

/** Sends through WeChat's subscribeMessage.send with the configured app. */
export const sendThroughWechat: SendMessage = (message) => sendSubscribeMessage({ ...wechatOptions(), ...message });

/** Wait before attempt `attempts + 1`: 1, 2, 4 … minutes, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

/** Sends every due message (a bounded batch); returns what happened. */
export async function sendDueNotifications(now: Date, send: SendMessage = sendThroughWechat, postWebhook?: PostWebhook) {
  const counts = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  // Elapsed time, not business time: a partner that times out on every delivery must not hold
  // the tick (and the citizens' messages behind it) past the minute; the rest waits a tick.
  const started = performance.now();
  for (let taken = 0; taken < BATCH && performance.now() - started < TICK_BUDGET_MS; taken++) {
    const row = await takeDue(now);
    if (!row) break;
    counts[row.channel === 'webhook' ? await deliverWebhook(row, now, postWebhook) : await deliver(row, now, send)] += 1;
  }
  return counts;
}

type Row = Notification & { _id: Types.ObjectId };

/** Takes the next due row for one attempt: it is 'sending' until nextAttemptAt, its lease. */
function takeDue(now: Date): Promise<Row | null> {
  return NotificationModel.findOneAndUpdate(
    { status: { $in: ['pending', 'sending'] }, nextAttemptAt: { $lte: now } },
    { $set: { status: 'sending', nextAttemptAt: new Date(now.getTime() + LEASE_MS) }, $inc: { attempts: 1 } },
    { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
  ).lean<Row>();
}

/** The subscription-message template of a kind of notification ('' when not configured). */
function templateFor(kind: string): string {
  return kind === 'appointment_reminder' ? config.WECHAT_TEMPLATE_APPOINTMENT_REMINDER : config.WECHAT_TEMPLATE_CASE_STATUS;
}

async function deliver(row: Row, now: Date, send: SendMessage): Promise<Result> {
  const citizen = await CitizenModel.findById(row.citizenId, { openid: 1 }).lean();
  const templateId = templateFor(row.kind);
  if (!citizen || !templateId) {
    await settle(row, now, { status: 'skipped', lastError: citizen ? 'no template configured' : 'citizen gone' });
    return 'skipped';
  }
  try {
    await send({ toUser: citizen.openid, templateId, page: row.page, data: row.data as OutgoingMessage['data'] });
    await settle(row, now, { status: 'sent', sentAt: now, templateId, lastError: null });
    return 'sent';
  } catch (error) {
    const permanent = error instanceof WechatApiError && !isRetryable(error);
    const reason = String((error as Error)?.message ?? error).slice(0, 500);
    if (permanent || row.attempts >= MAX_ATTEMPTS) {
      logger.warn({ notification: String(row._id), attempts: row.attempts, reason }, 'notification given up');
      await settle(row, now, { status: 'failed', lastError: reason });
      return 'failed';
    }
    await settle(row, now, { status: 'pending', nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)), lastError: reason });
    return 'retrying';
  }
}

type Result = 'sent' | 'retrying' | 'failed' | 'skipped';

async function deliverWebhook(row: Row, now: Date, post?: PostWebhook): Promise<Result> {
  const attempt = await attemptWebhook(row, now, post);
  const log = { at: now, httpStatus: attempt.httpStatus, error: attempt.error, durationMs: attempt.durationMs };
  const logged = { $push: { log: { $each: [log], $slice: -WEBHOOK_MAX_ATTEMPTS } } };
  if (attempt.outcome === 'sent') {
    await settle(row, now, { status: 'sent', sentAt: now, lastError: null }, logged);
    return 'sent';
  }
  if (attempt.outcome === 'skipped' || row.attempts >= WEBHOOK_MAX_ATTEMPTS) {
    if (attempt.outcome !== 'skipped')
      logger.warn({ notification: String(row._id), attempts: row.attempts, reason: attempt.error }, 'webhook delivery given up');
    await settle(row, now, { status: attempt.outcome === 'skipped' ? 'skipped' : 'failed', lastError: attempt.error }, logged);
    return attempt.outcome === 'skipped' ? 'skipped' : 'failed';
  }
  await settle(row, now, { status: 'pending', nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)), lastError: attempt.error }, logged);
  return 'retrying';
}

/**
 * Ends this attempt, guarded by the lease it was taken with (a sender that outlived its lease
 * does not overwrite the next attempt). A row that is done expires after RETENTION_DAYS.
 */
async function settle(row: Row, now: Date, change: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<void> {
  const done = change.status !== 'pending';
  await NotificationModel.updateOne(
    { _id: row._id, status: 'sending', attempts: row.attempts },
    { ...extra, $set: { ...change, ...(done ? { expiresAt: retainUntil(now, config.RETENTION_DAYS * DAY_MS) } : {}) } },
  );
}
