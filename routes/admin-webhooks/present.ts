// Endpoints never leave with their secret (only the create and rotate answers add it once).
import type { DeliveryDoc, EndpointDoc } from '../../services/webhooks/endpoints.ts';
import type { WebhookEvent } from '../../models/webhook.ts';

export const presentEndpoint = (endpoint: Omit<EndpointDoc, 'secretEnc'>) => ({
  id: String(endpoint._id),
  url: endpoint.url,
  events: [...endpoint.events] as WebhookEvent[],
  description: endpoint.description ?? '',
  active: endpoint.active !== false,
  createdAt: endpoint.createdAt.toISOString(),
  updatedAt: endpoint.updatedAt.toISOString(),
});

type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
const STATUSES: readonly string[] = ['pending', 'sending', 'sent', 'failed', 'skipped'];
const statusOf = (status: string): DeliveryStatus => (STATUSES.includes(status) ? (status as DeliveryStatus) : 'pending');

export const presentDelivery = (delivery: DeliveryDoc) => {
  const waiting = delivery.status === 'pending' || delivery.status === 'sending';
  return {
    id: String(delivery._id),
    eventId: delivery.data.id ?? '',
    event: delivery.kind,
    status: statusOf(delivery.status),
    attempts: delivery.attempts,
    nextAttemptAt: waiting ? delivery.nextAttemptAt.toISOString() : null,
    lastError: delivery.lastError ?? null,
    sentAt: delivery.sentAt ? delivery.sentAt.toISOString() : null,
    createdAt: delivery.createdAt.toISOString(),
    payload: { ...delivery.data },
    log: (delivery.log ?? []).map((entry) => ({
      at: entry.at.toISOString(),
      httpStatus: entry.httpStatus ?? null,
      error: entry.error ?? null,
      durationMs: entry.durationMs ?? null,
    })),
  };
};
