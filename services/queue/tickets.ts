// Issuing queue tickets: numbered per hall, prefix and day (GA001 …) with an atomic counter, the
// prefix the department's (prefix.ts), and put in call order (order.ts). The unique (hall, date,
// ticketNo) index is a backstop only: the $inc never hands a number out twice. A day's counter
// expires through the TTL index a week after it was last bumped, counted so that the database's
// clock never finds it expired the same day (server/retention.ts).
import type { Types } from 'mongoose';
import { QueueTicketModel, type TicketPriority } from '../../models/queue-ticket.ts';
import { bumpCounter } from '../../models/counter.ts';
import { config } from '../../server/config.ts';
import { retainUntil } from '../../server/retention.ts';
import { notFound, badRequest } from '../../server/errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { zonedDate, zonedTime } from '../calendar/zoned-time.ts';
import { windowGroupOf } from '../booking/window-group.ts';
import { queueKeyOf } from './order.ts';
import { ticketPrefixOf } from './prefix.ts';

const KEEP_COUNTER_MS = 8 * 24 * 3600_000;

/** The counter of `prefix`'s tickets in `hallCode` on `date`: one per hall, so no number is issued twice there. */
export const ticketCounterId = (hallCode: string, prefix: string, date: string) => `ticket:${hallCode}:${prefix}:${date}`;

/** The next number of `prefix` in `hallCode` on `date` (1, 2, …); `now` is the instant of issue. */
const nextTicketNumber = (hallCode: string, prefix: string, date: string, now: Date) =>
  bumpCounter(ticketCounterId(hallCode, prefix, date), retainUntil(now, KEEP_COUNTER_MS));

export interface TicketRequest {
  itemCode: string;
  source: 'booking' | 'walk_in';
  /** 绿色通道: called before everyone else. */
  priority?: TicketPriority | null;
  /** The booked slot's start (HH:mm); walk-ins take the time of issue. */
  periodStart?: string;
  /** The window group to number in (a booking's own); default: the item's. */
  windowGroup?: string;
  appointmentId?: Types.ObjectId;
  now: Date;
}

/** The queue fields an item implies: its windows, hall, department and window group. */
export async function queueTargetOf(itemCode: string, catalogue: CatalogueSnapshot) {
  const guide = catalogue.byCode.get(itemCode);
  if (!guide) throw notFound('事项');
  const hallCode = guide.windows.find((w) => w.hallCode)?.hallCode;
  if (!hallCode) throw badRequest('NO_WINDOW', '该事项未配置办理窗口');
  return {
    windows: guide.windows.map((w) => w.code),
    hallCode,
    department: guide.department.code,
    windowGroup: windowGroupOf(guide.windows.map((w) => w.code)),
  };
}

/** Formats the n-th ticket of a prefix's day: (GA, 1) → GA001. */
export const formatTicketNo = (prefix: string, n: number) => `${prefix}${String(n).padStart(3, '0')}`;

/** Issues one ticket and returns it. */
export async function issueTicket(request: TicketRequest, catalogue: CatalogueSnapshot) {
  const target = await queueTargetOf(request.itemCode, catalogue);
  const windowGroup = request.windowGroup ?? target.windowGroup;
  const date = zonedDate(request.now, config.TZ_NAME);
  const periodStart = request.periodStart ?? zonedTime(request.now, config.TZ_NAME);
  const priority = request.priority ?? null;
  const prefix = ticketPrefixOf(target.department, catalogue);
  return QueueTicketModel.create({
    hallCode: target.hallCode,
    windowGroup,
    date,
    ticketNo: formatTicketNo(prefix, await nextTicketNumber(target.hallCode, prefix, date, request.now)),
    source: request.source,
    priority,
    appointmentId: request.appointmentId ?? null,
    itemCode: request.itemCode,
    periodStart,
    windows: target.windows,
    department: target.department,
    queueKey: queueKeyOf({ priority, periodStart, source: request.source, issuedAt: request.now }),
    issuedAt: request.now,
  });
}
