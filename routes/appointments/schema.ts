// Request and answer schemas of bookings.
import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../../models/appointment.ts';
import { PageQuery } from '../../server/pagination.ts';

export const ObjectIdString = z.string().regex(/^[0-9a-f]{24}$/i, '无效的编号');
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, '8–128 位字母、数字或 _.:-');

export const BookAppointmentBody = z.object({
  slotId: ObjectIdString,
  itemCode: z.string().trim().min(1).max(64),
});
export const RescheduleBody = z.object({ slotId: ObjectIdString });
export const AppointmentParams = z.object({ id: ObjectIdString });
export const MyAppointmentsQuery = PageQuery.extend({ status: z.enum(APPOINTMENT_STATUSES).optional() });

export const WindowOut = z.object({ code: z.string(), name: z.string(), hallCode: z.string(), location: z.string() });
export const AppointmentOut = z.object({
  id: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  itemCode: z.string(),
  itemName: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
  window: WindowOut,
  windows: z.array(WindowOut),
  checkInCode: z.string(),
  rescheduledFrom: z.string().nullable(),
});
