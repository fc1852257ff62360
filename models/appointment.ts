// A citizen's booking of one seat in one slot. The booking IS the seat: `seatKey` is
// "<slotId>:<seatNo>" under a unique index while the booking holds its seat, and becomes
// "free:<id>" when it lets go. Inserting the appointment therefore takes the seat atomically —
// on MongoDB and on FerretDB alike, whose conditional updates are not atomic under concurrency
// (measured: 200 concurrent `{remaining: {$gt: 0}}` $inc updates on FerretDB 1.24/SQLite all
// "matched"), while a unique-key insert is.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'served', 'cancelled', 'no_show'] as const;
/** The seat key of a booking that holds seat `seatNo` of `slotId`, and of one that holds none. */
export const seatKeyOf = (slotId: unknown, seatNo: number) => `${String(slotId)}:${seatNo}`;
export const freeSeatKey = (appointmentId: unknown) => `free:${String(appointmentId)}`;
/** Statuses that hold a seat. */
export const ACTIVE_APPOINTMENT_STATUSES = ['booked', 'checked_in'] as const;

const appointmentSchema = new Schema(
  {
    citizenId: { type: Schema.Types.ObjectId, required: true, index: true },
    itemCode: { type: String, required: true },
    department: { type: String, required: true, index: true },
    slotId: { type: Schema.Types.ObjectId, required: true, index: true },
    windowGroup: { type: String, required: true },
    date: { type: String, required: true, index: true },
    start: { type: String, required: true },
    end: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    status: { type: String, enum: APPOINTMENT_STATUSES, default: 'booked', index: true },
    checkInCode: { type: String, required: true, unique: true },
    seatNo: { type: Number, default: null },
    seatKey: { type: String, unique: true, default: () => `free:${new mongoose.Types.ObjectId()}` },
    idempotencyKey: { type: String, default: null },
    ticketNo: { type: String, default: null },
    checkedInAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    rescheduledFrom: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, versionKey: false },
);
appointmentSchema.index({ citizenId: 1, status: 1 });
appointmentSchema.index({ slotId: 1, status: 1 });
appointmentSchema.index({ status: 1, endsAt: 1 });

export type Appointment = InferSchemaType<typeof appointmentSchema>;
export const AppointmentModel = mongoose.model('Appointment', appointmentSchema, 'appointments');
