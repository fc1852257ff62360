// Calling tickets at a window. The next ticket is taken with one findOneAndUpdate on the
// lowest waiting queueKey, so two windows calling at once never get the same ticket.
import type { Types } from 'mongoose';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { conflict, forbidden, invalidState, notFound } from '../../server/errors.ts';
import { endBooking } from '../booking/end.ts';
import { getCatalogue } from '../catalogue/store.ts';
import { claimOnce } from '../claims/claim.ts';
import { zonedDate } from '../calendar/zoned-time.ts';

/** True when `staff` may call at `window`: its own window, its department's, or any for center admins. */
export function staffMayCallAt(staff: StaffPrincipal, window: { code: string; department: string }): boolean {
  if (staff.role === 'center_admin') return true;
  if (staff.role === 'dept_admin') return staff.department === window.department;
  return staff.windows.includes(window.code);
}

/** Calls the next waiting ticket for `windowCode`; the window's previous call counts as served. */
export async function callNext(windowCode: string, staff: StaffPrincipal, now = new Date()) {
  const window = (await getCatalogue()).windowsByCode.get(windowCode);
  if (!window) throw notFound('窗口');
  if (!staffMayCallAt(staff, window)) throw forbidden('只能在本人的窗口叫号');
  await finishCalled(windowCode, now);
  const date = zonedDate(now, config.TZ_NAME);
  const passedOver: Types.ObjectId[] = [];
  for (let attempt = 0; attempt < MAX_CALL_ATTEMPTS; attempt++) {
    const candidate = await QueueTicketModel.findOne({ date, windows: windowCode, status: 'waiting', _id: { $nin: passedOver } })
      .sort({ queueKey: 1 })
      .lean();
    if (!candidate) break;
    // Another window may be taking the same ticket this instant; the claim insert decides.
    if (await claimOnce(`call:${candidate._id}`, now)) {
      return (await QueueTicketModel.findOneAndUpdate(
        { _id: candidate._id },
        { $set: { status: 'called', calledAt: now, calledWindow: windowCode } },
        { returnDocument: 'after' },
      ).lean())!;
    }
    passedOver.push(candidate._id);
  }
  throw conflict('QUEUE_EMPTY', '当前没有等候的号码');
}

const MAX_CALL_ATTEMPTS = 20;

/** Marks a called ticket served (and its booking). */
export async function serveTicket(ticketId: string, staff: StaffPrincipal, now = new Date()) {
  const ticket = await QueueTicketModel.findById(ticketId).lean();
  if (!ticket) throw notFound('号码');
  const window = ticket.calledWindow ? (await getCatalogue()).windowsByCode.get(ticket.calledWindow) : undefined;
  if (!window || !staffMayCallAt(staff, window)) throw forbidden('只能办结本人窗口叫到的号码');
  const served = await QueueTicketModel.findOneAndUpdate(
    { _id: ticket._id, status: 'called' },
    { $set: { status: 'served', servedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (!served) throw invalidState(ticket.status, '办结');
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

async function markBookingServed(appointmentId: Types.ObjectId | null | undefined): Promise<void> {
  if (!appointmentId) return;
  // Served ends the booking: its seat and the citizen's quota unit are given back.
  await endBooking({ _id: appointmentId, status: 'checked_in' }, { status: 'served' });
}
