// Arrival: staff check a booking in within a window around its slot and the citizen gets a
// queue ticket. The booked → checked_in change is one guarded update, so a double scan issues
// one ticket. The queue touches appointments only here, through guarded updates.
import type { Types } from 'mongoose';
import { AppointmentModel } from '../../models/appointment.ts';
import { QueueTicketModel, type TicketPriority } from '../../models/queue-ticket.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { staffCoversDepartment } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { conflict, forbidden, invalidState, notFound } from '../../server/errors.ts';
import { zonedInstant } from '../calendar/zoned-time.ts';
import { endBooking } from '../booking/end.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { issueTicket } from './tickets.ts';

/** How early before its slot a booking may be checked in. */
export const CHECK_IN_EARLY_MINUTES = 60;

export type AppointmentRef = { id: string } | { checkInCode: string };

/** The instants between which a booking may be checked in. */
export function checkInWindow(appointment: { date: string; start: string; end: string }) {
  const opens = zonedInstant(appointment.date, appointment.start, config.TZ_NAME);
  const slotEnd = zonedInstant(appointment.date, appointment.end, config.TZ_NAME);
  return {
    opensAt: new Date(opens.getTime() - CHECK_IN_EARLY_MINUTES * 60_000),
    closesAt: new Date(slotEnd.getTime() + config.NO_SHOW_GRACE_MINUTES * 60_000),
  };
}

/** Checks a booking in and returns its ticket number. */
export async function checkIn(
  ref: AppointmentRef,
  staff: StaffPrincipal,
  now: Date,
  catalogue: CatalogueSnapshot,
  priority: TicketPriority | null = null,
): Promise<{ ticketNo: string; appointmentId: string }> {
  const filter = 'id' in ref ? { _id: ref.id } : { checkInCode: ref.checkInCode };
  const appointment = await AppointmentModel.findOne(filter).lean();
  if (!appointment) throw notFound('预约');
  if (!staffCoversDepartment(staff, appointment.department)) throw forbidden('无权为其他部门的预约签到');
  const appointmentId = String(appointment._id);
  if (appointment.status === 'checked_in' && appointment.ticketNo) return { ticketNo: appointment.ticketNo, appointmentId };
  if (appointment.status !== 'booked') throw invalidState(appointment.status, '签到');
  const { opensAt, closesAt } = checkInWindow(appointment);
  if (now < opensAt || now > closesAt) {
    throw conflict('CHECK_IN_CLOSED', now < opensAt ? '尚未到签到时间' : '已超过签到时间', {
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    });
  }
  // The guarded update decides a double scan: only one of them moves the booking out of 'booked'.
  const won = await AppointmentModel.findOneAndUpdate(
    { _id: appointment._id, status: 'booked' },
    { $set: { status: 'checked_in', checkedInAt: now } },
    { projection: { _id: 1 } },
  ).lean();
  if (!won) return checkedInMeanwhile(appointment._id);
  const ticket = await issueTicket(
    {
      itemCode: appointment.itemCode,
      source: 'booking',
      priority,
      periodStart: appointment.start,
      windowGroup: appointment.windowGroup,
      appointmentId: appointment._id,
      now,
    },
    catalogue,
  );
  await AppointmentModel.updateOne({ _id: appointment._id, ticketNo: null }, { $set: { ticketNo: ticket.ticketNo } });
  return { ticketNo: ticket.ticketNo, appointmentId };
}

/** A concurrent change won: answer the ticket of a concurrent scan, else the state it left. */
async function checkedInMeanwhile(appointmentId: Types.ObjectId): Promise<{ ticketNo: string; appointmentId: string }> {
  const ticket = await QueueTicketModel.findOne({ appointmentId }).lean();
  if (ticket) return { ticketNo: ticket.ticketNo, appointmentId: String(appointmentId) };
  const current = await AppointmentModel.findById(appointmentId).lean();
  throw invalidState(current?.status ?? 'unknown', '签到');
}

/**
 * A checked-in booking whose ticket was served is served too (a no-op in any other state).
 * Served ends the booking: its seat is given back and the citizen's quota place freed.
 */
export async function markBookingServed(appointmentId: Types.ObjectId | null | undefined): Promise<void> {
  if (!appointmentId) return;
  await endBooking({ _id: appointmentId, status: 'checked_in' }, { status: 'served' });
}
