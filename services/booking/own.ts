// A citizen's own appointments: one by id (someone else's is not revealed) and the paged list.
import { AppointmentModel, type APPOINTMENT_STATUSES } from '../../models/appointment.ts';
import { notFound } from '../../server/errors.ts';
import { findPage, type Page } from '../../server/pagination.ts';
import type { AppointmentRecord } from './book.ts';

/** The citizen's own appointment, or 404. */
export async function ownAppointment(citizenId: string, appointmentId: string): Promise<AppointmentRecord> {
  const appointment = await AppointmentModel.findById(appointmentId).lean<AppointmentRecord>();
  if (!appointment || String(appointment.citizenId) !== citizenId) throw notFound('预约');
  return appointment;
}

/** One page of the citizen's appointments, newest first (index citizenId, status, startsAt). */
export function listOwnAppointments(citizenId: string, query: Page & { status?: (typeof APPOINTMENT_STATUSES)[number] }) {
  const filter = { citizenId, ...(query.status ? { status: query.status } : {}) };
  return findPage<AppointmentRecord>(AppointmentModel, filter, { startsAt: -1, _id: -1 }, query);
}
