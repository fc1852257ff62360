// Calling tickets at a window. The next ticket is taken with one findOneAndUpdate guarded by
// `status: 'waiting'` on the lowest queueKey, so two windows calling at once never get the
// same ticket; serving is guarded by `status: 'called'` likewise.
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { conflict, forbidden, invalidState, notFound } from '../../server/errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { markBookingServed } from './check-in.ts';
import { zonedDate } from '../calendar/zoned-time.ts';

/** True when `staff` may call at `window`: its own window, its department's, or any for center admins. */
export function staffMayCallAt(staff: StaffPrincipal, window: { code: string; department: string }): boolean {
  if (staff.role === 'center_admin') return true;
  if (staff.role === 'dept_admin') return staff.department === window.department;
  return staff.windows.includes(window.code);
}

/** Calls the next waiting ticket for `windowCode`; the window's previous call counts as served. */
export async function callNext(windowCode: string, staff: StaffPrincipal, now: Date, catalogue: CatalogueSnapshot) {
  const window = catalogue.windowsByCode.get(windowCode);
  if (!window) throw notFound('窗口');
  if (!staffMayCallAt(staff, window)) throw forbidden('只能在本人的窗口叫号');
  await finishCalled(windowCode, now);
  const called = await QueueTicketModel.findOneAndUpdate(
    { date: zonedDate(now, config.TZ_NAME), windows: windowCode, status: 'waiting' },
    { $set: { status: 'called', calledAt: now, calledWindow: windowCode } },
    { sort: { queueKey: 1 }, returnDocument: 'after' },
  ).lean();
  if (!called) throw conflict('QUEUE_EMPTY', '当前没有等候的号码');
  return called;
}

/** Marks a called ticket served (and its booking). */
export async function serveTicket(ticketId: string, staff: StaffPrincipal, now: Date, catalogue: CatalogueSnapshot) {
  const ticket = await QueueTicketModel.findById(ticketId).lean();
  if (!ticket) throw notFound('号码');
  const window = ticket.calledWindow ? catalogue.windowsByCode.get(ticket.calledWindow) : undefined;
  if (!window || !staffMayCallAt(staff, window)) throw forbidden('只能办结本人窗口叫到的号码');
  const served = await QueueTicketModel.findOneAndUpdate(
    { _id: ticket._id, status: 'called' },
    { $set: { status: 'served', servedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (!served) throw invalidState((await QueueTicketModel.findById(ticket._id, { status: 1 }).lean())?.status ?? ticket.status, '办结');
  await markBookingServed(served.appointmentId);
  return served;
}

/** The window moves on: the ticket it called before is served now. */
async function finishCalled(windowCode: string, now: Date): Promise<void> {
  const previous = await QueueTicketModel.findOneAndUpdate(
    { calledWindow: windowCode, status: 'called' },
    { $set: { status: 'served', servedAt: now } },
    { sort: { calledAt: -1 }, returnDocument: 'after' },
  ).lean();
  if (previous) await markBookingServed(previous.appointmentId);
}
