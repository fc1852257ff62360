// A queue ticket (A001 …) for a window group on one day, from a checked-in booking or a
// walk-in. Called at a window; call and serve times feed the waiting-time figures.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const TICKET_STATUSES = ['waiting', 'called', 'served', 'skipped'] as const;

const queueTicketSchema = new Schema(
  {
    hallCode: { type: String, required: true },
    windowGroup: { type: String, required: true },
    date: { type: String, required: true },
    ticketNo: { type: String, required: true },
    source: { type: String, enum: ['booking', 'walk_in'], required: true },
    appointmentId: { type: Schema.Types.ObjectId, default: null },
    itemCode: { type: String, default: null },
    /** Slot start for bookings (HH:mm) so booked tickets go before walk-ins of the same period. */
    periodStart: { type: String, default: null },
    /** The windows that may call this ticket (the group's windows). */
    windows: { type: [String], default: [] },
    department: { type: String, default: null },
    /** Call order: `periodStart|0 booked, 1 walk-in|issuedAt`; the lowest waiting key is called next. */
    queueKey: { type: String, required: true },
    status: { type: String, enum: TICKET_STATUSES, default: 'waiting' },
    issuedAt: { type: Date, required: true },
    calledAt: { type: Date, default: null },
    calledWindow: { type: String, default: null },
    servedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);
queueTicketSchema.index({ windowGroup: 1, date: 1, ticketNo: 1 }, { unique: true });
queueTicketSchema.index({ windowGroup: 1, date: 1, status: 1 });
queueTicketSchema.index({ hallCode: 1, date: 1 });
// call-next: the lowest waiting queueKey of a window's day.
queueTicketSchema.index({ date: 1, windows: 1, status: 1, queueKey: 1 });
queueTicketSchema.index({ calledWindow: 1, calledAt: -1 });
// A double scan answers the ticket its booking already has.
queueTicketSchema.index({ appointmentId: 1 });

export type QueueTicket = InferSchemaType<typeof queueTicketSchema>;
export const QueueTicketModel = mongoose.model('QueueTicket', queueTicketSchema, 'queue_tickets');
