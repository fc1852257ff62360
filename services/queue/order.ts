// The call order of a queue: one string key per ticket, the lowest waiting key called next.
// `priority|periodStart|booked-before-walk-in|issuedAt`: 绿色通道 tickets first, then by period
// (a booking's slot start, a walk-in's time of issue), booked before walk-in, then issue time.
// A transferred ticket keeps its key (its waiting time); a late one gets a key just after the
// N-th waiting ticket (lateKey).
import type { TicketPriority } from '../../models/queue-ticket.ts';

export function queueKeyOf(ticket: { priority: TicketPriority | null; periodStart: string; source: 'booking' | 'walk_in'; issuedAt: Date }): string {
  return `${ticket.priority ? 0 : 1}|${ticket.periodStart}|${ticket.source === 'booking' ? 0 : 1}|${ticket.issuedAt.toISOString()}`;
}

/**
 * The key of a late ticket placed right after `ahead` (the N-th waiting key, or the last when
 * fewer wait): it extends `ahead`, so it sorts after it and before any key that differs from it.
 */
export function lateKey(ahead: string | null, fallback: string, now: Date): string {
  return ahead ? `${ahead}|late|${now.toISOString()}` : fallback;
}
