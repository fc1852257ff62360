// Request and answer schemas of arrival and queue calling.
import { z } from 'zod';
import { PageQuery } from '../../server/pagination.ts';

export const DayQuery = PageQuery.extend({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .optional(),
  window: z.string().trim().min(1).max(64).optional(),
});

export const IdParams = z.object({ id: z.string().regex(/^[0-9a-fA-F]{24}$/, '编号格式不正确') });
export const WindowParams = z.object({ code: z.string().trim().min(1).max(64) });
export const CheckInByCode = z.object({ checkInCode: z.string().trim().min(4).max(64) }).meta({ example: { checkInCode: 'K7Q2M9' } });
export const WalkIn = z.object({ itemCode: z.string().trim().min(1).max(64) }).meta({ example: { itemCode: 'GA-001' } });

export const StaffAppointmentOut = z.object({
  id: z.string(),
  status: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  citizenName: z.string().describe('masked, e.g. 张*三'),
  ticketNo: z.string().nullable(),
  checkedInAt: z.string().nullable(),
});

export const TicketOut = z.object({
  id: z.string(),
  ticketNo: z.string(),
  status: z.string(),
  source: z.enum(['booking', 'walk_in']),
  itemCode: z.string().nullable(),
  window: z.string().nullable(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  servedAt: z.string().nullable(),
});
