// Answer shape of the audit log: every field of an entry, with `id` and an ISO instant.
import { z } from 'zod';

export const AuditEntryOut = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string(), role: z.string().nullable() }),
  action: z.string().meta({ example: 'update' }),
  entity: z.string().meta({ example: 'item' }),
  entityId: z.string(),
  before: z.unknown().describe('变更前的记录（新建时为 null）'),
  after: z.unknown().describe('变更后的记录（删除时为 null）'),
  purpose: z.string().describe('查看个人信息时说明的用途'),
  requestId: z.string(),
});

interface StoredEntry {
  _id: unknown;
  at: Date;
  actor: { kind: string; id: string; role?: string | null };
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  purpose?: string | null;
  requestId?: string | null;
}

/** One audit entry as center admins read it. */
export const presentAuditEntry = (entry: StoredEntry): z.infer<typeof AuditEntryOut> => ({
  id: String(entry._id),
  at: entry.at.toISOString(),
  actor: { kind: entry.actor.kind, id: entry.actor.id, role: entry.actor.role ?? null },
  action: entry.action,
  entity: entry.entity,
  entityId: entry.entityId,
  before: entry.before ?? null,
  after: entry.after ?? null,
  purpose: entry.purpose ?? '',
  requestId: entry.requestId ?? '',
});
