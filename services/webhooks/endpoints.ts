// Partner endpoints, administered by center admins: register (the secret is shown once),
// change, rotate the secret, remove, and read an endpoint's delivery log. Every change is audited.
import type { Types } from 'mongoose';
import { NotificationModel } from '../../models/notification.ts';
import { WebhookModel, type Webhook, type WebhookEvent } from '../../models/webhook.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { badRequest, notFound } from '../../server/errors.ts';
import { findPage, type Page } from '../../server/pagination.ts';
import { recordAudit } from '../audit/record.ts';
import { encryptPii } from '../pii/crypto.ts';
import { newWebhookSecret } from './sign.ts';

interface Change {
  actor: StaffPrincipal;
  requestId?: string;
  now: Date;
}

export interface EndpointInput {
  url: string;
  events: WebhookEvent[];
  description?: string;
  active?: boolean;
}

export type EndpointDoc = Webhook & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Outside development and tests, partners are reached over TLS only. */
function checkUrl(url: string): void {
  if (config.NODE_ENV === 'production' && !url.startsWith('https://')) throw badRequest('WEBHOOK_URL_INSECURE', '生产环境的推送地址必须使用 https');
}

/** What the audit log keeps of an endpoint: never its secret. */
const audited = (endpoint: EndpointDoc) => ({ url: endpoint.url, events: endpoint.events, description: endpoint.description, active: endpoint.active });

/** Registers an endpoint; answers it with its secret (the only time the secret is shown). */
export async function createEndpoint(input: EndpointInput, change: Change) {
  checkUrl(input.url);
  const secret = newWebhookSecret();
  const created = await WebhookModel.create({
    url: input.url,
    events: [...new Set(input.events)],
    description: input.description ?? '',
    active: input.active ?? true,
    secretEnc: encryptPii(secret),
    createdBy: change.actor.id,
    createdAt: change.now,
    updatedAt: change.now,
  });
  const endpoint = created.toObject<EndpointDoc>();
  await recordAudit(
    { actor: change.actor, action: 'create', entity: 'webhook', entityId: String(endpoint._id), after: audited(endpoint), requestId: change.requestId },
    change.now,
  );
  return { endpoint, secret };
}

/** Every endpoint, oldest first. */
export const listEndpoints = (page: Page) => findPage<EndpointDoc>(WebhookModel, {}, { createdAt: 1, _id: 1 }, page, { secretEnc: 0 });

async function existing(id: string): Promise<EndpointDoc> {
  const endpoint = await WebhookModel.findById(id, { secretEnc: 0 }).lean<EndpointDoc>();
  if (!endpoint) throw notFound('推送端点');
  return endpoint;
}

/** Changes the address, events, description or active flag; later attempts of queued deliveries use the new address. */
export async function updateEndpoint(id: string, patch: Partial<EndpointInput>, change: Change) {
  if (patch.url) checkUrl(patch.url);
  const before = await existing(id);
  const set = { ...patch, ...(patch.events ? { events: [...new Set(patch.events)] } : {}), updatedAt: change.now };
  const after = await WebhookModel.findByIdAndUpdate(
    id,
    { $set: set },
    { returnDocument: 'after', projection: { secretEnc: 0 }, timestamps: false },
  ).lean<EndpointDoc>();
  if (!after) throw notFound('推送端点');
  await recordAudit(
    { actor: change.actor, action: 'update', entity: 'webhook', entityId: id, before: audited(before), after: audited(after), requestId: change.requestId },
    change.now,
  );
  return after;
}

/** Issues a new secret; deliveries from now on are signed with it. */
export async function rotateEndpointSecret(id: string, change: Change) {
  const secret = newWebhookSecret();
  const endpoint = await WebhookModel.findByIdAndUpdate(
    id,
    { $set: { secretEnc: encryptPii(secret), updatedAt: change.now } },
    { returnDocument: 'after', projection: { secretEnc: 0 }, timestamps: false },
  ).lean<EndpointDoc>();
  if (!endpoint) throw notFound('推送端点');
  await recordAudit({ actor: change.actor, action: 'rotate_secret', entity: 'webhook', entityId: id, requestId: change.requestId }, change.now);
  return { endpoint, secret };
}

/** Removes an endpoint; its queued deliveries are skipped when their turn comes. */
export async function deleteEndpoint(id: string, change: Change): Promise<void> {
  const before = await WebhookModel.findByIdAndDelete(id, { projection: { secretEnc: 0 } }).lean<EndpointDoc>();
  if (!before) throw notFound('推送端点');
  await recordAudit(
    { actor: change.actor, action: 'delete', entity: 'webhook', entityId: id, before: audited(before), requestId: change.requestId },
    change.now,
  );
}

export interface DeliveryDoc {
  _id: Types.ObjectId;
  kind: string;
  data: { id?: string; type?: string; createdAt?: string; data?: Record<string, unknown> };
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string | null;
  sentAt?: Date | null;
  createdAt: Date;
  log?: { at: Date; httpStatus?: number | null; error?: string | null; durationMs?: number | null }[];
}

/** The endpoint's deliveries, newest first (404 when the endpoint does not exist). */
export async function listDeliveries(id: string, page: Page) {
  await existing(id);
  return findPage<DeliveryDoc>(NotificationModel, { entity: 'webhook', entityId: id }, { createdAt: -1, _id: -1 }, page);
}
