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
  status: string;
  source: 'booking' | 'walk_in';
  itemCode?: string | null;
  calledWindow?: string | null;
  issuedAt: Date;
  calledAt?: Date | null;
  servedAt?: Date | null;
}

export function presentTicket(t: TicketRow) {
  return {
    id: String(t._id),
    ticketNo: t.ticketNo,
    status: t.status,
    source: t.source,
    itemCode: t.itemCode ?? null,
    window: t.calledWindow ?? null,
    issuedAt: t.issuedAt.toISOString(),
    calledAt: t.calledAt ? t.calledAt.toISOString() : null,
    servedAt: t.servedAt ? t.servedAt.toISOString() : null,
  };
}
