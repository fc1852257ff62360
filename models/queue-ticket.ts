// A queue ticket (A001 …) for a window group on one day, from a checked-in booking or a
// walk-in. Called at a window; call and serve times feed the waiting-time figures. Every state
// change is one update guarded by `status` (services/queue/): waiting → called → served (by
// 完成 or by the window's next call, `endedBy`) or skipped (过号) → waiting again when late.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const TICKET_STATUSES = ['waiting', 'called', 'served', 'skipped'] as const;
/** 绿色通道: the elderly, the disabled and pregnant women are called first. */
export const TICKET_PRIORITIES = ['elderly', 'disabled', 'pregnant'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

const queueTicketSchema = new Schema(
  {
    hallCode: { type: String, required: true },
    windowGroup: { type: String, required: true },
    date: { type: String, required: true },
    ticketNo: { type: String, required: true },
    source: { type: String, enum: ['booking', 'walk_in'], required: true },
    priority: { type: String, enum: [...TICKET_PRIORITIES, null], default: null },
    appointmentId: { type: Schema.Types.ObjectId, default: null },
    itemCode: { type: String, default: null },
    /** Slot start for bookings (HH:mm) so booked tickets go before walk-ins of the same period. */
    periodStart: { type: String, default: null },
    /** The windows that may call this ticket (the group's windows). */
    windows: { type: [String], default: [] },
    department: { type: String, default: null },
    /** Call order (services/queue/order.ts); the lowest waiting key is called next. */
    queueKey: { type: String, required: true },
    status: { type: String, enum: TICKET_STATUSES, default: 'waiting' },
    issuedAt: { type: Date, required: true },
    calledAt: { type: Date, default: null },
    calledWindow: { type: String, default: null },
    /** Calls and recalls (重呼) so far; the lobby screen announces again when it grows. */
    callCount: { type: Number, default: 0 },
    /** The latest call or recall. */
    announcedAt: { type: Date, default: null },
    servedAt: { type: Date, default: null },
    /** How serving ended: 完成 at the window, or the window's next call. */
    endedBy: { type: String, enum: ['complete', 'next_call', null], default: null },
    skippedAt: { type: Date, default: null },
    requeuedAt: { type: Date, default: null },
    /** Window groups this ticket was transferred from (转窗), oldest first. */
    transferredFrom: { type: [String], default: [] },
  },
  { timestamps: true, versionKey: false },
);
// A ticket number is issued once per hall and day.
queueTicketSchema.index({ hallCode: 1, date: 1, ticketNo: 1 }, { unique: true });
// Waiting list and late requeue of a group, in call order.
queueTicketSchema.index({ windowGroup: 1, date: 1, status: 1, queueKey: 1 });
queueTicketSchema.index({ hallCode: 1, date: 1 });
// call-next and a window's waiting and skipped lists: the lowest waiting queueKey of a window's day.
queueTicketSchema.index({ date: 1, windows: 1, status: 1, queueKey: 1 });
queueTicketSchema.index({ calledWindow: 1, calledAt: -1 });
// A window serves one ticket at a time on a day: a second call while one is called is a duplicate
// key (services/queue/calling.ts ends the current one and calls again). Also the window's current ticket.
queueTicketSchema.index({ calledWindow: 1, date: 1 }, { unique: true, partialFilterExpression: { status: 'called' } });
// A double scan answers the ticket its booking already has.
queueTicketSchema.index({ appointmentId: 1 });

export type QueueTicket = InferSchemaType<typeof queueTicketSchema>;
export const QueueTicketModel = mongoose.model('QueueTicket', queueTicketSchema, 'queue_tickets');
