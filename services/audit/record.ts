// Writes audit entries. The audit log is append-only: nothing in OneTrip updates or deletes one.
import { AuditLogModel } from '../../models/audit-log.ts';
import type { Principal } from '../../server/auth/principal.ts';

export interface AuditEntry {
  actor: Principal | { kind: 'system'; id: string };
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  purpose?: string;
  requestId?: string;
}

/** Records one change (or one access to personal data, with its purpose). */
export async function recordAudit(entry: AuditEntry, at = new Date()): Promise<void> {
  await AuditLogModel.create({
    at,
    actor: { kind: entry.actor.kind, id: entry.actor.id, role: 'role' in entry.actor ? entry.actor.role : null },
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: strip(entry.before),
    after: strip(entry.after),
    purpose: entry.purpose ?? '',
    requestId: entry.requestId ?? '',
  });
}

/** Plain JSON copy without mongoose internals or secrets. */
function strip(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'passwordHash' ? undefined : v)));
}
