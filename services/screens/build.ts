// Builds one hall's lobby-screen snapshot: per window the ticket now called and the one
// before, waiting counts per window group, today's figures and the announcements.
import { AnnouncementModel } from '../../models/announcement.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import { config } from '../../server/config.ts';
import { storedMonth } from '../hotline/figures.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { zonedDate, zonedTime } from '../calendar/zoned-time.ts';

export interface CallShown {
  ticketNo: string;
  calledAt: string;
  /** Calls and recalls (重呼): the screen announces again when it grows. */
  callCount: number;
  /** ISO instant of the latest call or recall. */
  announcedAt: string;
}
export interface HallSnapshot {
  hallCode: string;
  date: string;
  /** The center's zone (TZ_NAME): the screen's clock shows its wall time, not the PC's. */
  timeZone: string;
  windows: { code: string; name: string; location: string; current: CallShown | null; previous: CallShown | null }[];
  waiting: { windowGroup: string; windows: string[]; count: number }[];
  today: { booked: number; arrived: number; served: number; averageWaitMinutes: number | null };
  /** The 12345 hotline this month across departments, from the precomputed monthly figures. */
  hotline: { month: string; received: number; satisfactionRate: number | null };
  announcements: { id: string; text: string }[];
}

/** Builds the snapshot of `hallCode` as of `now`. */
export async function buildHallSnapshot(hallCode: string, now: Date, catalogue: CatalogueSnapshot): Promise<HallSnapshot> {
  const date = zonedDate(now, config.TZ_NAME);
  const windows = [...catalogue.windowsByCode.values()].filter((w) => w.hallCode === hallCode && w.active !== false);
  windows.sort((a, b) => a.code.localeCompare(b.code));
  const hallItems = [...catalogue.byCode.values()].filter((g) => g.windows.some((w) => w.hallCode === hallCode)).map((g) => g.code);
  const [calls, tickets, booked, arrived, announcements, hotline] = await Promise.all([
    Promise.all(windows.map((w) => lastCalls(w.code, date))),
    QueueTicketModel.find({ hallCode, date }, { status: 1, windowGroup: 1, windows: 1, issuedAt: 1, calledAt: 1 }).lean(),
    AppointmentModel.countDocuments({ date, itemCode: { $in: hallItems }, status: { $ne: 'cancelled' } }),
    AppointmentModel.countDocuments({ date, itemCode: { $in: hallItems }, status: { $in: ['checked_in', 'served'] } }),
    activeAnnouncements(hallCode, now),
    hotlineThisMonth(date.slice(0, 7)),
  ]);
  return {
    hallCode,
    date,
    timeZone: config.TZ_NAME,
    windows: windows.map((w, i) => ({ code: w.code, name: w.name, location: w.location, current: calls[i]![0] ?? null, previous: calls[i]![1] ?? null })),
    waiting: waitingByGroup(tickets),
    today: { booked, arrived, served: tickets.filter((t) => t.status === 'served').length, averageWaitMinutes: averageWait(tickets) },
    hotline,
    announcements,
  };
}

/** This month's 12345 figures of every department, summed (满意 and 基本满意 over rated). */
async function hotlineThisMonth(month: string): Promise<HallSnapshot['hotline']> {
  const rows = await storedMonth(month);
  const received = rows.reduce((sum, row) => sum + row.received, 0);
  const rated = rows.reduce((sum, row) => sum + row.rated, 0);
  const satisfied = rows.reduce((sum, row) => sum + row.satisfied, 0);
  return { month, received, satisfactionRate: rated ? Math.round((satisfied / rated) * 1000) / 1000 : null };
}

async function lastCalls(windowCode: string, date: string): Promise<CallShown[]> {
  const called = await QueueTicketModel.find({ calledWindow: windowCode, date }, { ticketNo: 1, calledAt: 1, callCount: 1, announcedAt: 1 })
    .sort({ calledAt: -1 })
    .limit(2)
    .lean();
  return called.map((t) => ({
    ticketNo: t.ticketNo,
    calledAt: zonedTime(t.calledAt!, config.TZ_NAME),
    callCount: t.callCount || 1,
    announcedAt: (t.announcedAt ?? t.calledAt!).toISOString(),
  }));
}

interface TicketFigures {
  status: string;
  windowGroup: string;
  windows: string[];
  issuedAt: Date;
  calledAt?: Date | null;
}

function waitingByGroup(tickets: TicketFigures[]): HallSnapshot['waiting'] {
  const groups = new Map<string, { windowGroup: string; windows: string[]; count: number }>();
  for (const ticket of tickets) {
    const group = groups.get(ticket.windowGroup) ?? { windowGroup: ticket.windowGroup, windows: [...ticket.windows].sort(), count: 0 };
    if (ticket.status === 'waiting') group.count++;
    groups.set(ticket.windowGroup, group);
  }
  return [...groups.values()].sort((a, b) => a.windowGroup.localeCompare(b.windowGroup));
}

/** Mean minutes from ticket to call, one decimal; null before the first call. */
function averageWait(tickets: TicketFigures[]): number | null {
  const waits = tickets.filter((t) => t.calledAt).map((t) => t.calledAt!.getTime() - t.issuedAt.getTime());
  if (waits.length === 0) return null;
  return Math.round(waits.reduce((sum, ms) => sum + ms, 0) / waits.length / 6_000) / 10;
}

async function activeAnnouncements(hallCode: string, now: Date) {
  const rows = await AnnouncementModel.find({ hallCode: { $in: [hallCode, null] }, active: true })
    .sort({ sortOrder: 1, createdAt: 1 })
    .limit(20)
    .lean();
  return rows.filter((a) => (!a.startsAt || a.startsAt <= now) && (!a.endsAt || a.endsAt > now)).map((a) => ({ id: String(a._id), text: a.text }));
}
