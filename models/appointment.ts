// A citizen's booking of one seat in one slot.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'served', 'cancelled', 'no_show'] as const;
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
