// Calling tickets at a window. The next ticket is taken with one findOneAndUpdate guarded by
// `status: 'waiting'` on the lowest queueKey, so two windows calling at once never get the
// same ticket. Serving starts with the call and ends with 完成 (serveTicket) or with the
// window's next call, recorded as `endedBy`; each end is one update guarded by `status: 'called'`.
import type { Types } from 'mongoose';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { conflict, forbidden, invalidState, notFound } from '../../server/errors.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { markBookingServed } from './check-in.ts';
import { zonedDate } from '../calendar/zoned-time.ts';

/** Rounds of "end the current ticket, call the next" when calls at one window race. */
const CALL_ATTEMPTS = 10;

/** True when `staff` may call at `window`: its own window, its department's, or any for center admins. */
export function staffMayCallAt(staff: StaffPrincipal, window: { code: string; department: string }): boolean {
  if (staff.role === 'center_admin') return true;
  if (staff.role === 'dept_admin') return staff.department === window.department;
  return staff.windows.includes(window.code);
}

/** The window by code, if `staff` may call there; 404 / 403 otherwise. */
export function callableWindow(windowCode: string, staff: StaffPrincipal, catalogue: CatalogueSnapshot) {
  const window = catalogue.windowsByCode.get(windowCode);
  if (!window) throw notFound('窗口');
  if (!staffMayCallAt(staff, window)) throw forbidden('只能在本人的窗口叫号');
  return window;
}

const queueEmpty = () => conflict('QUEUE_EMPTY', '当前没有等候的号码');

/** Calls the next waiting ticket for `windowCode`; the window's current ticket ends as `next_call`. */
export async function callNext(windowCode: string, staff: StaffPrincipal, now: Date, catalogue: CatalogueSnapshot) {
  callableWindow(windowCode, staff, catalogue);
  const waiting = { date: zonedDate(now, config.TZ_NAME), windows: windowCode, status: 'waiting' as const };
  // Nobody waiting: refused with nothing changed, so the current ticket is still being served
  // (完成 ends it). Only a concurrent call taking the last ticket meanwhile refuses after the end.
  if (!(await QueueTicketModel.exists(waiting))) throw queueEmpty();
  for (let attempt = 0; attempt < CALL_ATTEMPTS; attempt++) {
    await endCurrent(windowCode, now);
    try {
      const called = await QueueTicketModel.findOneAndUpdate(
        waiting,
        { $set: { status: 'called', calledAt: now, calledWindow: windowCode, announcedAt: now }, $inc: { callCount: 1 } },
        { sort: { queueKey: 1 }, returnDocument: 'after' },
      ).lean();
      if (!called) throw queueEmpty();
      return called;
    } catch (error) {
      // A call at the same window won meanwhile (one called ticket per window): end it and call again.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw conflict('CALL_IN_PROGRESS', '本窗口正在叫号，请稍后再试');
}

/** 完成: a called ticket is served (and its booking). */
export async function serveTicket(ticketId: string, staff: StaffPrincipal, now: Date, catalogue: CatalogueSnapshot) {
  const ticket = await QueueTicketModel.findById(ticketId).lean();
  if (!ticket) throw notFound('号码');
  const window = ticket.calledWindow ? catalogue.windowsByCode.get(ticket.calledWindow) : undefined;
  if (!window || !staffMayCallAt(staff, window)) throw forbidden('只能办结本人窗口叫到的号码');
  const served = await endServing(ticket._id, 'complete', now);
  if (!served) throw invalidState((await QueueTicketModel.findById(ticket._id, { status: 1 }).lean())?.status ?? ticket.status, '办结');
  return served;
}

/** Ends serving a called ticket (one guarded update); the winner marks its booking served. */
async function endServing(ticketId: Types.ObjectId, endedBy: 'complete' | 'next_call', now: Date) {
  const served = await QueueTicketModel.findOneAndUpdate(
    { _id: ticketId, status: 'called' },
    { $set: { status: 'served', servedAt: now, endedBy } },
    { returnDocument: 'after' },
  ).lean();
  if (served) await markBookingServed(served.appointmentId);
  return served;
}

/** The window moves on: whatever it is serving ends, recorded as ended by the next call. */
async function endCurrent(windowCode: string, now: Date): Promise<void> {
  const current = await QueueTicketModel.find({ calledWindow: windowCode, status: 'called' }, { _id: 1 }).limit(20).lean();
  for (const ticket of current) await endServing(ticket._id, 'next_call', now);
}
