// One attempt of one webhook delivery: the event envelope as the body, signed with the
// endpoint's secret at the attempt's time. The sender (services/notifications/sender.ts) takes
// the outbox row, calls this, and settles the row with the attempt in its log.
import { WebhookModel } from '../../models/webhook.ts';
import { decryptPii } from '../pii/crypto.ts';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signatureHeader } from './sign.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Attempts before a delivery is given up (1, 2, 4 … 60 minutes apart: about four hours in all). */
export const WEBHOOK_MAX_ATTEMPTS = 10;

export interface WebhookAttempt {
  /** 'sent': a 2xx answer; 'retry': anything else; 'skipped': the endpoint is gone or switched off. */
  outcome: 'sent' | 'retry' | 'skipped';
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** Posts `body` to the partner; a redirect is not followed (it is an answer, not a success). */
export type PostWebhook = (url: string, headers: Record<string, string>, body: string) => Promise<{ status: number }>;

export const postWithFetch: PostWebhook = async (url, headers, body) => {
  const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
  await response.arrayBuffer().catch(() => undefined); // drain, so the socket is reused
  return { status: response.status };
};

interface DeliveryRow {
  entityId: string;
  data: unknown;
}

/** Makes one attempt of `row` at `now`. */
export async function attemptWebhook(row: DeliveryRow, now: Date, post: PostWebhook = postWithFetch): Promise<WebhookAttempt> {
  const endpoint = await WebhookModel.findById(row.entityId, { url: 1, secretEnc: 1, active: 1 }).lean();
  if (!endpoint || !endpoint.active) return { outcome: 'skipped', httpStatus: null, error: endpoint ? '端点已停用' : '端点已删除', durationMs: 0 };
  const body = JSON.stringify(row.data);
  const envelope = row.data as { id?: string; type?: string };
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': 'OneTrip-Webhooks/1',
    [SIGNATURE_HEADER]: signatureHeader(decryptPii(endpoint.secretEnc), now, body),
    [EVENT_ID_HEADER]: String(envelope.id ?? ''),
    [EVENT_TYPE_HEADER]: String(envelope.type ?? ''),
  };
  const started = performance.now();
  try {
    const { status } = await post(endpoint.url, headers, body);
    const durationMs = Math.round(performance.now() - started);
    if (status >= 200 && status < 300) return { outcome: 'sent', httpStatus: status, error: null, durationMs };
    return { outcome: 'retry', httpStatus: status, error: `HTTP ${status}`, durationMs };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const reason = `${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
    return { outcome: 'retry', httpStatus: null, error: reason.slice(0, 300), durationMs: Math.round(performance.now() - started) };
  }
}
