// Emitting an event to partner systems: one outbox row per active endpoint that chose the
// event, all carrying the same event id (receivers de-duplicate on it; a delivery is retried
// until it succeeds, so it may arrive more than once). Like queueNotice, emitting happens after
// the state change and never undoes or fails it: an error is logged and the change stands.
import { randomUUID } from 'node:crypto';
import { NotificationModel } from '../../models/notification.ts';
import { WebhookModel, type WebhookEvent } from '../../models/webhook.ts';
import { logger } from '../../server/logger.ts';

export { WEBHOOK_EVENTS, type WebhookEvent } from '../../models/webhook.ts';

/** What a receiver gets as the body: `{id, type, createdAt, data}`. */
export interface EventEnvelope {
  id: string;
  type: WebhookEvent;
  createdAt: string;
  data: Record<string, unknown>;
}

/**
 * Queues `type` with `payload` (no personal data: ids, codes, statuses) for every endpoint that
 * subscribed; answers how many deliveries were queued. The hotline module calls it with
 * `hotline.replied`.
 */
export async function emitEvent(type: WebhookEvent, payload: Record<string, unknown>, now: Date): Promise<number> {
  try {
    const endpoints = await WebhookModel.find({ active: true, events: type }, { _id: 1 }).limit(1000).lean();
    if (endpoints.length === 0) return 0;
    const envelope: EventEnvelope = { id: `evt_${randomUUID()}`, type, createdAt: now.toISOString(), data: payload };
    await NotificationModel.insertMany(
      endpoints.map((endpoint) => ({
        channel: 'webhook',
        entity: 'webhook',
        entityId: String(endpoint._id),
        kind: type,
        data: envelope,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        log: [],
        dedupeKey: `webhook:${String(endpoint._id)}:${envelope.id}`,
      })),
      { ordered: false },
    );
    return endpoints.length;
  } catch (error) {
    logger.error({ err: error, event: type }, 'could not queue webhook deliveries');
    return 0;
  }
}
