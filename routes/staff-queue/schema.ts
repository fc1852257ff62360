// Request and answer schemas of arrival and queue calling.
import { z } from 'zod';
import { TICKET_PRIORITIES } from '../../models/queue-ticket.ts';
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
export const Priority = z
  .enum(TICKET_PRIORITIES, { error: '优先类别应为 elderly、disabled 或 pregnant' })
  .describe('绿色通道: 老年人 elderly, 残疾人 disabled, 孕妇 pregnant');
export const CheckInByCode = z
  .strictObject({ checkInCode: z.string().trim().min(4).max(64), priority: Priority.optional() })
  .meta({ example: { checkInCode: 'K7Q2M9' } });
export const CheckInBody = z.strictObject({ priority: Priority.optional() }).meta({ example: { priority: 'elderly' } });
export const WalkIn = z.strictObject({ itemCode: z.string().trim().min(1).max(64), priority: Priority.optional() }).meta({ example: { itemCode: 'GA-001' } });
export const TransferBody = z.strictObject({ windowGroup: z.string().trim().min(1).max(300) }).meta({ example: { windowGroup: 'A04+A05' } });

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
  hallCode: z.string(),
  windowGroup: z.string(),
  source: z.enum(['booking', 'walk_in']),
  priority: z.enum(TICKET_PRIORITIES).nullable(),
  itemCode: z.string().nullable(),
  itemName: z.string().nullable(),
  status: z.enum(['waiting', 'called', 'served', 'skipped']),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  calledWindow: z.string().nullable(),
  window: z.string().nullable().describe('the same as calledWindow'),
  callCount: z.number().int(),
  announcedAt: z.string().nullable().describe('the latest call or recall'),
  servedAt: z.string().nullable(),
  endedBy: z.enum(['complete', 'next_call']).nullable(),
  appointmentId: z.string().nullable(),
  waitingMinutes: z.number().int(),
});

export const WindowQueueOut = z.object({
  window: z.object({ code: z.string(), name: z.string(), windowGroup: z.string(), windowGroups: z.array(z.string()) }),
  current: TicketOut.nullable(),
  waiting: z.array(TicketOut).describe('in call order'),
  skipped: z.array(TicketOut),
});
