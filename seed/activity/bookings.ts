// One day of demo bookings and queue tickets. Past days are over: every booking ended (served,
// no-show, cancelled) so no seat is held and the day's slots carry booked 0. Today runs up to
// `now`: a window-by-window simulation calls the tickets in order, so each window has at most
// one ticket being served, some are waiting, and later bookings are still booked. Active
// bookings take real seats of today's slots (a guarded $inc) and belong to a citizen of their own,
// holding that citizen's first quota place, so the counters agree with the appointments.
import { AppointmentModel } from '../../models/appointment.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { raiseCounter } from '../../models/counter.ts';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';
import { planDaySlots, type SchedulePlan } from '../../services/booking/slot-plan.ts';
import { formatTicketNo, ticketCounterId } from '../../services/queue/tickets.ts';
import { queueKeyOf } from '../../services/queue/order.ts';
import { ticketPrefixOfSeed } from '../data/departments.ts';
import { zonedTime } from '../../services/calendar/zoned-time.ts';
import { at, demoCitizen, demoId, insertNew, plusMinutes, rngFor, type DemoCitizen } from './kit.ts';

export interface DemoItem {
  code: string;
  department: string;
  windowGroup: string;
  windows: string[];
  hallCode: string;
  bookable: boolean;
}
export interface DayCounts {
  appointments: number;
  tickets: number;
}

const DAY_END = '17:00';

/** Loads the bookings and tickets of `date` (a working day); `pool` are the returning citizens. */
export async function loadBookingDay(
  date: string,
  now: Date,
  items: DemoItem[],
  schedules: Map<string, SchedulePlan>,
  pool: DemoCitizen[],
): Promise<DayCounts> {
  const rng = rngFor('bookings', date);
  const isToday = at(date, DAY_END) > now && at(date, '00:00') <= now;
  const bookable = items.filter((i) => i.bookable && schedules.has(i.windowGroup));
  const slotsByGroup = new Map([...schedules].map(([group, plan]) => [group, planDaySlots(plan, date, config.TZ_NAME)]));
  const seats = new Map<string, number>();
  const appointments = [];
  const newCitizens = [];
  const target = rng.int(100, 150);
  for (let seq = 0; seq < target; seq++) {
    const item = rng.pick(bookable);
    const slot = rng.pick(slotsByGroup.get(item.windowGroup) ?? []);
    const key = `${slot.windowGroup} ${slot.start}`;
    if ((seats.get(key) ?? 0) >= slot.capacity) continue;
    seats.set(key, (seats.get(key) ?? 0) + 1);
    const status = bookingStatus(rng.next(), slot.startsAt, slot.endsAt, now);
    const bookedAt = plusMinutes(slot.startsAt, -rng.int(60 * 24, 60 * 24 * 10));
    const _id = demoId('appointment', date, seq);
    const checkedInAt = status === 'served' || status === 'checked_in' ? plusMinutes(slot.startsAt, -rng.int(0, 20)) : null;
    appointments.push({
      _id,
      seq,
      citizenId: null as unknown,
      itemCode: item.code,
      department: item.department,
      slotId: demoId('slot', slot.windowGroup, date, slot.start),
      windowGroup: slot.windowGroup,
      date,
      start: slot.start,
      end: slot.end,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      status,
      active: undefined as true | undefined,
      checkInCode: `D${_id.toHexString().slice(0, 11).toUpperCase()}`,
      idempotencyKey: null,
      ticketNo: null as string | null,
      checkedInAt,
      cancelledAt: status === 'cancelled' ? plusMinutes(slot.startsAt, -rng.int(90, 60 * 24)) : null,
      rescheduledFrom: null,
      createdAt: bookedAt,
      updatedAt: checkedInAt ?? bookedAt,
      item,
    });
  }
  const fresh = await missingIds(appointments.map((a) => a._id));
  if (fresh.size === 0) return { appointments: 0, tickets: 0 };
  const planned = appointments.filter((a) => fresh.has(a._id.toHexString()));
  const tickets = queueTickets(date, isToday ? now : at(date, '23:59'), planned, items, rng);
  for (const a of planned) {
    if (a.status === 'checked_in' && !a.ticketNo) Object.assign(a, { status: 'booked', checkedInAt: null, updatedAt: a.createdAt });
    if (a.status === 'booked' || a.status === 'checked_in') a.active = true;
    const citizen = a.active ? demoCitizen(`${date}:${a.seq}`, date, a.createdAt) : rng.pick(pool);
    if (a.active) newCitizens.push(citizen.doc);
    a.citizenId = citizen._id;
  }
  await insertNew(CitizenModel.collection, newCitizens);
  await placeSlots(date, slotsByGroup, planned, now);
  const docs = planned.map(({ item: _item, seq: _seq, active, ...a }) => (active ? { ...a, active, quotaPlace: 0 } : a));
  const counts = { appointments: await insertNew(AppointmentModel.collection, docs), tickets: await insertNew(QueueTicketModel.collection, tickets) };
  await setTicketCounters(date, tickets, now);
  return counts;
}

/** Past bookings ended; today's by where their slot stands at `now`. */
function bookingStatus(r: number, startsAt: Date, endsAt: Date, now: Date) {
  if (r < 0.08) return 'cancelled' as const;
  if (endsAt.getTime() + 30 * 60_000 < now.getTime()) return r < 0.16 ? ('no_show' as const) : ('served' as const);
  if (startsAt.getTime() - 20 * 60_000 <= now.getTime()) return 'checked_in' as const;
  return 'booked' as const;
}

async function missingIds(ids: { toHexString(): string }[]): Promise<Set<string>> {
  const have = await AppointmentModel.find({ _id: { $in: ids } }, { _id: 1 }).lean();
  const taken = new Set(have.map((a) => String(a._id)));
  return new Set(ids.map((id) => id.toHexString()).filter((id) => !taken.has(id)));
}

/**
 * The day's slots: created when missing (past ones with their day's opening long gone), then the
 * active bookings take their seats with the guarded $inc; each appointment points at its slot's real _id.
 */
async function placeSlots(
  date: string,
  slotsByGroup: Map<string, ReturnType<typeof planDaySlots>>,
  planned: { windowGroup: string; start: string; slotId: unknown; active?: boolean; status: string }[],
  now: Date,
) {
  const slots = [...slotsByGroup.values()].flat();
  await SlotModel.bulkWrite(
    slots.map((s) => ({
      updateOne: {
        filter: { windowGroup: s.windowGroup, date, start: s.start },
        update: {
          $setOnInsert: {
            _id: demoId('slot', s.windowGroup, date, s.start),
            ...s,
            booked: 0,
            remaining: s.capacity,
            opensAt: at(date, '00:00'),
            status: 'open',
            createdAt: now,
            updatedAt: now,
          },
        },
        upsert: true,
      },
    })),
    { ordered: false, timestamps: false },
  );
  const stored = await SlotModel.find({ date }, { windowGroup: 1, start: 1, remaining: 1 }).lean();
  const byKey = new Map(stored.map((s) => [`${s.windowGroup} ${s.start}`, s]));
  for (const appointment of planned) {
    const slot = byKey.get(`${appointment.windowGroup} ${appointment.start}`)!;
    appointment.slotId = slot._id;
    if (!appointment.active) continue;
    const taken = await SlotModel.updateOne({ _id: slot._id, remaining: { $gt: 0 } }, { $inc: { booked: 1, remaining: -1 } }, { timestamps: false });
    // A seat someone really booked meanwhile: this demo booking ends as cancelled instead.
    if (taken.modifiedCount === 0) Object.assign(appointment, { status: 'cancelled', active: undefined, cancelledAt: now });
  }
}

/** Ticket numbering goes on after the demo's last number of each hall and prefix (never down: $max). */
async function setTicketCounters(date: string, tickets: { hallCode: string; ticketNo: string }[], now: Date) {
  const highest = new Map<string, number>();
  for (const t of tickets) {
    const [, prefix, n] = /^([A-Z]+)(\d+)$/.exec(t.ticketNo) ?? [];
    const key = `${t.hallCode}\u0000${prefix}`;
    highest.set(key, Math.max(highest.get(key) ?? 0, Number(n)));
  }
  for (const [key, seq] of highest) {
    const [hallCode, prefix] = key.split('\u0000') as [string, string];
    await raiseCounter(ticketCounterId(hallCode, prefix, date), seq, plusMinutes(now, 8 * 24 * 60));
  }
}

interface TicketSource {
  _id: unknown;
  status: string;
  itemCode: string;
  start: string;
  checkedInAt: Date | null;
  ticketNo: string | null;
  updatedAt: Date;
  item: DemoItem;
}

/** Tickets of the checked-in bookings and of walk-ins, called window by window up to `until`. */
function queueTickets(date: string, until: Date, planned: TicketSource[], items: DemoItem[], rng: ReturnType<typeof rngFor>) {
  const arrivals: { item: DemoItem; issuedAt: Date; appointment: TicketSource | null }[] = [];
  for (const a of planned) if (a.checkedInAt && a.checkedInAt <= until) arrivals.push({ item: a.item, issuedAt: a.checkedInAt, appointment: a });
  const walkIns = rng.int(60, 110);
  for (let i = 0; i < walkIns; i++) {
    const issuedAt = plusMinutes(at(date, '09:00'), rng.pick([rng.int(0, 170), rng.int(270, 470)]));
    if (issuedAt <= until) arrivals.push({ item: rng.pick(items), issuedAt, appointment: null });
  }
  arrivals.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
  // Numbered per hall and prefix, as services/queue/tickets.ts does.
  const numbers = new Map<string, number>();
  const freeAt = new Map<string, number>();
  const tickets = arrivals.map(({ item, issuedAt, appointment }, seq) => {
    const prefix = ticketPrefixOfSeed(item.department);
    const n = (numbers.get(`${item.hallCode}:${prefix}`) ?? 0) + 1;
    numbers.set(`${item.hallCode}:${prefix}`, n);
    const window = [...item.windows].sort((a, b) => (freeAt.get(a) ?? 0) - (freeAt.get(b) ?? 0))[0]!;
    const calledAt = new Date(Math.max(issuedAt.getTime() + rng.int(1, 6) * 60_000, freeAt.get(window) ?? 0));
    const servedAt = plusMinutes(calledAt, rng.int(4, 14));
    const status = calledAt > until ? 'waiting' : servedAt > until ? 'called' : 'served';
    if (status !== 'waiting') freeAt.set(window, status === 'called' ? Number.MAX_SAFE_INTEGER : servedAt.getTime());
    const ticketNo = formatTicketNo(prefix, n);
    if (appointment) {
      appointment.ticketNo = ticketNo;
      Object.assign(appointment, { status: status === 'served' ? 'served' : 'checked_in', checkedInAt: issuedAt, updatedAt: issuedAt });
    }
    const periodStart = appointment ? appointment.start : zonedTime(issuedAt, config.TZ_NAME);
    return {
      _id: demoId('ticket', date, seq),
      hallCode: item.hallCode,
      windowGroup: item.windowGroup,
      date,
      ticketNo,
      source: appointment ? 'booking' : 'walk_in',
      appointmentId: appointment?._id ?? null,
      itemCode: item.code,
      periodStart,
      windows: item.windows,
      department: item.department,
      queueKey: queueKeyOf({ priority: null, periodStart, source: appointment ? 'booking' : 'walk_in', issuedAt }),
      status,
      issuedAt,
      calledAt: status === 'waiting' ? null : calledAt,
      calledWindow: status === 'waiting' ? null : window,
      callCount: status === 'waiting' ? 0 : 1,
      announcedAt: status === 'waiting' ? null : calledAt,
      servedAt: status === 'served' ? servedAt : null,
      endedBy: status === 'served' ? 'complete' : null,
      createdAt: issuedAt,
      updatedAt: status === 'served' ? servedAt : status === 'called' ? calledAt : issuedAt,
    };
  });
  return tickets;
}
