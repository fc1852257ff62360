// Answer shapes of arrival and queue calling: only the listed fields leave the server.
import type { Guide } from '../../services/catalogue/guide.ts';

interface AppointmentRow {
  _id: unknown;
  status: string;
  itemCode: string;
  date: string;
  start: string;
  end: string;
  citizenId: unknown;
  ticketNo?: string | null;
  checkedInAt?: Date | null;
}

export function presentStaffAppointment(a: AppointmentRow, names: Map<string, string>, guides: Map<string, Guide>) {
  return {
    id: String(a._id),
    status: a.status,
    itemCode: a.itemCode,
    itemName: guides.get(a.itemCode)?.name ?? a.itemCode,
    date: a.date,
    start: a.start,
    end: a.end,
    citizenName: names.get(String(a.citizenId)) ?? '',
    ticketNo: a.ticketNo ?? null,
    checkedInAt: a.checkedInAt ? a.checkedInAt.toISOString() : null,
  };
}

interface TicketRow {
  _id: unknown;
  ticketNo: string;
  hallCode: string;
  windowGroup: string;
  status: string;
  source: 'booking' | 'walk_in';
  priority?: string | null;
  itemCode?: string | null;
  calledWindow?: string | null;
  issuedAt: Date;
  calledAt?: Date | null;
  callCount?: number | null;
  announcedAt?: Date | null;
  servedAt?: Date | null;
  endedBy?: string | null;
  appointmentId?: unknown;
}

const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null);

/** A ticket as staff see it; `waitingMinutes` runs from issue to the call (to `now` while waiting). */
export function presentTicket(t: TicketRow, guides: Map<string, Guide>, now: Date) {
  const waitedUntil = t.status === 'waiting' || !t.calledAt ? now : t.calledAt;
  return {
    id: String(t._id),
    ticketNo: t.ticketNo,
    hallCode: t.hallCode,
    windowGroup: t.windowGroup,
    source: t.source,
    priority: (t.priority ?? null) as 'elderly' | 'disabled' | 'pregnant' | null,
    itemCode: t.itemCode ?? null,
    itemName: t.itemCode ? (guides.get(t.itemCode)?.name ?? t.itemCode) : null,
    status: t.status as 'waiting' | 'called' | 'served' | 'skipped',
    issuedAt: t.issuedAt.toISOString(),
    calledAt: iso(t.calledAt),
    calledWindow: t.calledWindow ?? null,
    /** The same as calledWindow (the field's earlier name). */
    window: t.calledWindow ?? null,
    callCount: t.callCount ?? 0,
    announcedAt: iso(t.announcedAt),
    servedAt: iso(t.servedAt),
    endedBy: (t.endedBy ?? null) as 'complete' | 'next_call' | null,
    appointmentId: t.appointmentId ? String(t.appointmentId) : null,
    waitingMinutes: Math.max(0, Math.floor((waitedUntil.getTime() - t.issuedAt.getTime()) / 60_000)),
  };
}
