// Steering the queue: recall (重呼), skip (过号), requeue a late arrival after N others, and
// transfer (转窗) to another window group keeping the waiting time. Each is one update guarded
// by the status it expects; when it matches nothing the ticket is re-read for a precise 409.
import mongoose, { type UpdateQuery } from 'mongoose';
import { QueueTicketModel, type QueueTicket } from '../../models/queue-ticket.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { badRequest, forbidden, invalidState, notFound } from '../../server/errors.ts';
import { windowGroupOf, windowsOfGroup } from '../booking/window-group.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { staffMayCallAt } from './calling.ts';
import { lateKey, queueKeyOf } from './order.ts';

type TicketDoc = QueueTicket & { _id: mongoose.Types.ObjectId };

/** True when `staff` may steer `ticket`: at the window that called it, else at one of its windows. */
export function staffMayHandle(
  staff: StaffPrincipal,
  ticket: Pick<QueueTicket, 'calledWindow' | 'windows' | 'department'>,
  catalogue: CatalogueSnapshot,
): boolean {
  if (staff.role === 'center_admin') return true;
  const windows = ticket.calledWindow ? [ticket.calledWindow] : ticket.windows;
  return windows.some((code) => {
    const window = catalogue.windowsByCode.get(code);
    return window ? staffMayCallAt(staff, window) : false;
  });
}

/** The ticket if the caller may steer it; 404 / 403 otherwise. */
export async function handledTicket(id: string, staff: StaffPrincipal, catalogue: CatalogueSnapshot): Promise<TicketDoc> {
  const ticket = mongoose.isValidObjectId(id) ? await QueueTicketModel.findById(id).lean<TicketDoc>() : null;
  if (!ticket) throw notFound('号码');
  if (!staffMayHandle(staff, ticket, catalogue)) throw forbidden('只能处理本人窗口的号码');
  return ticket;
}

/** Applies `update` if the ticket is still in one of `from`; 409 INVALID_STATE with its status otherwise. */
async function guarded(ticket: TicketDoc, from: string[], update: UpdateQuery<QueueTicket>, action: string, extra: Record<string, unknown> = {}) {
  const filter: Record<string, unknown> = { _id: ticket._id, status: { $in: from }, ...extra };
  const changed = await QueueTicketModel.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean<TicketDoc>();
  if (changed) return changed;
  const current = await QueueTicketModel.findById(ticket._id, { status: 1 }).lean();
  throw invalidState(current?.status ?? ticket.status, action);
}

/** 重呼: the called ticket is announced again. */
export async function recallTicket(id: string, staff: StaffPrincipal, now: Date, catalogue: CatalogueSnapshot) {
  const ticket = await handledTicket(id, staff, catalogue);
  return guarded(ticket, ['called'], { $set: { announcedAt: now }, $inc: { callCount: 1 } }, '重呼');
}

/** 过号: the called holder did not come; the ticket waits aside until they do. */
export async function skipTicket(id: string, staff: StaffPrincipal, now: Date, catalogue: CatalogueSnapshot) {
  const ticket = await handledTicket(id, staff, catalogue);
  return guarded(ticket, ['called'], { $set: { status: 'skipped', skippedAt: now } }, '过号');
}

/** A skipped holder arrived late: back to waiting, after QUEUE_LATE_AFTER others of the group. */
export async function requeueTicket(id: string, staff: StaffPrincipal, now: Date, catalogue: CatalogueSnapshot) {
  const ticket = await handledTicket(id, staff, catalogue);
  if (ticket.status !== 'skipped') throw invalidState(ticket.status, '重新排队');
  const after = config.QUEUE_LATE_AFTER;
  const ahead = await QueueTicketModel.find({ windowGroup: ticket.windowGroup, date: ticket.date, status: 'waiting' }, { queueKey: 1 })
    .sort({ queueKey: 1 })
    .limit(Math.max(after, 1))
    .lean();
  const nth = after === 0 ? null : (ahead.at(Math.min(after, ahead.length) - 1)?.queueKey ?? null);
  const fresh = queueKeyOf({ priority: null, periodStart: '', source: 'walk_in', issuedAt: now });
  // With nobody waiting (or N = 0) it is next: a key below every other, `0|` priority included.
  const queueKey = after === 0 || !nth ? `0${fresh}` : lateKey(nth, fresh, now);
  return guarded(ticket, ['skipped'], { $set: { status: 'waiting', queueKey, requeuedAt: now, calledWindow: null } }, '重新排队');
}

/** 转窗: a waiting or called ticket moves to another window group of the hall, keeping its place by waiting time. */
export async function transferTicket(id: string, windowGroup: string, staff: StaffPrincipal, catalogue: CatalogueSnapshot) {
  const ticket = await handledTicket(id, staff, catalogue);
  const codes = windowsOfGroup(windowGroup);
  const windows = codes.map((code) => catalogue.windowsByCode.get(code));
  if (!codes.length || windows.some((w) => !w || w.active === false || w.hallCode !== ticket.hallCode)) {
    throw badRequest('UNKNOWN_WINDOW_GROUP', '目标窗口组不存在或不在本大厅');
  }
  const target = windowGroupOf(codes);
  if (target === ticket.windowGroup) throw badRequest('SAME_WINDOW_GROUP', '号码已在该窗口组');
  const update = {
    $set: { windowGroup: target, windows: codes, department: windows[0]!.department, status: 'waiting', calledWindow: null, calledAt: null },
    $push: { transferredFrom: ticket.windowGroup },
  };
  if (ticket.status !== 'waiting' && ticket.status !== 'called') throw invalidState(ticket.status, '转窗');
  // Guarded by what was seen: a ticket called (or moved) meanwhile is not taken from its window.
  return guarded(ticket, [ticket.status], update, '转窗', { windowGroup: ticket.windowGroup, calledWindow: ticket.calledWindow ?? null });
}
