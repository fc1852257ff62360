// Queues citizen notifications in the outbox. Queuing happens after the state change and
// never undoes or fails it: an outbox error is logged, and the change stands.
import type { Types } from 'mongoose';
import { NotificationModel } from '../../models/notification.ts';
import { logger } from '../../server/logger.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

export interface QueuedNotice {
  citizenId: Types.ObjectId;
  entity: string;
  entityId: string;
  kind: string;
  page: string;
  data: Record<string, { value: string }>;
  /** Queue this only once (a duplicate key answers: already queued). */
  dedupeKey?: string;
}

/** Adds one message to the outbox, due at once; false when it was not queued (already queued, or an error). */
export async function queueNotice(notice: QueuedNotice, now = new Date()): Promise<boolean> {
  try {
    await NotificationModel.create({ ...notice, status: 'pending', attempts: 0, nextAttemptAt: now });
    return true;
  } catch (error) {
    if (!(notice.dedupeKey && isDuplicateKey(error))) {
      logger.error({ err: error, entity: notice.entity, entityId: notice.entityId, kind: notice.kind }, 'could not queue notification');
    }
    return false;
  }
}

/** A template value of at most `max` characters (WeChat refuses longer `thing` values). */
export function clip(text: string, max = 20): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
