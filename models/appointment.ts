// A citizen's booking of one seat in one slot. While it is active (booked or checked in) it
// holds one seat of its slot (Slot.booked/remaining) and one unit of the citizen's quota
// (Citizen.activeBookings), and carries `active: true`: a partial unique index on that makes
// "one active booking per citizen, item and day" a database rule. The guarded write that ends
// a booking unsets `active` with the status (services/booking/end.ts), so what it held is
// given back exactly once.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'served', 'cancelled', 'no_show'] as const;
/** Statuses of an active booking (the ones with `active: true`). */
export const ACTIVE_APPOINTMENT_STATUSES = ['booked', 'checked_in'] as const;

const appointmentSchema = new Schema(
  {
    citizenId: { type: Schema.Types.ObjectId, required: true },
    itemCode: { type: String, required: true },
    department: { type: String, required: true },
    slotId: { type: Schema.Types.ObjectId, required: true },
    windowGroup: { type: String, required: true },
    date: { type: String, required: true },
    start: { type: String, required: true },
    end: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    status: { type: String, enum: APPOINTMENT_STATUSES, default: 'booked' },
    /** true while the booking holds its seat and quota; absent once it has ended. */
    active: { type: Boolean },
    checkInCode: { type: String, required: true, unique: true },
    idempotencyKey: { type: String, default: null },
    ticketNo: { type: String, default: null },
    checkedInAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    rescheduledFrom: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, versionKey: false },
);
/** One active booking per citizen, item and day; also finds a citizen's active bookings. */
appointmentSchema.index({ citizenId: 1, itemCode: 1, date: 1 }, { unique: true, partialFilterExpression: { active: true } });
/** The citizen's own list, newest first; no-show counts per citizen. */
appointmentSchema.index({ citizenId: 1, startsAt: -1 });
/** The staff day list (date, department, by slot start); reminders, screens and figures by date. */
appointmentSchema.index({ date: 1, department: 1, start: 1 });
/** Active bookings per slot (reconciliation). */
appointmentSchema.index({ slotId: 1, active: 1 });
/** The no-show sweep. */
appointmentSchema.index({ status: 1, endsAt: 1 });

export type Appointment = InferSchemaType<typeof appointmentSchema>;
export const AppointmentModel = mongoose.model('Appointment', appointmentSchema, 'appointments');
