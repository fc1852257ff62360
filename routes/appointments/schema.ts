// Request and answer schemas of bookings.
import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../../models/appointment.ts';
import { PageQuery } from '../../server/pagination.ts';

export const ObjectIdString = z.string().regex(/^[0-9a-fA-F]{24}$/, '无效的编号');
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, '8–128 位字母、数字或 _.:-');

export const BookAppointmentBody = z
  .object({
    slotId: ObjectIdString,
    itemCode: z.string().trim().min(1).max(64),
  })
  .meta({ example: { slotId: '6650c2f4a1b2c3d4e5f60718', itemCode: 'GA-001' } });
export const RescheduleBody = z.object({ slotId: ObjectIdString }).meta({ example: { slotId: '6650c2f4a1b2c3d4e5f60719' } });
/** The answer header of a booking repeated with its Idempotency-Key. */
export const ReplayHeaders = z.object({
  'Idempotent-Replayed': z.literal('true').optional().describe('重试命中已有预约时为 true（未重复占用名额）'),
});
/** The request headers of a booking: one key per booking intent, sent again on every retry. */
export const BookingHeaders = z.object({
  'Idempotency-Key': IdempotencyKey.optional().describe(
    '强烈建议携带：同一预约意图的每次重试都带同一个键（8–128 位字母、数字或 _.:-），服务器对同一个键只预约一次并返回同一预约（响应头 Idempotent-Replayed: true）',
  ),
});
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
