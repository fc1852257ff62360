// A citizen's booking of one seat in one slot. While it is active (booked or checked in) it
// holds one seat of its slot (Slot.booked/remaining) and one of the citizen's quota places
// (`quotaPlace`), and carries `active: true`: partial unique indexes on that make "one active
// booking per citizen, item and day" and "at most MAX_ACTIVE_BOOKINGS active bookings per
// citizen" database rules. The guarded write that ends a booking unsets `active` with the
// status (services/booking/end.ts), which frees the place; the seat is given back exactly once.
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
    /** The citizen's quota place this booking holds while active (services/booking/quota.ts). */
    quotaPlace: { type: Number },
    checkInCode: { type: String, required: true, unique: true },
    idempotencyKey: { type: String, default: null },
    ticketNo: { type: String, default: null },
    checkedInAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    rescheduledFrom: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, versionKey: false },
);
/** The partial unique index of the day rule; also the one walk over every active booking. */
export const ACTIVE_BOOKINGS_INDEX = 'active_citizen_item_date';
// Indexes are shaped so each hot filter is an equality prefix plus at most one range: the
// shape every planner (MongoDB's, and the simpler one of the test server) serves from the index.
/** One active booking per citizen, item and day; the citizen's active bookings of an item. */
appointmentSchema.index({ citizenId: 1, itemCode: 1, date: 1 }, { name: ACTIVE_BOOKINGS_INDEX, unique: true, partialFilterExpression: { active: true } });
/** A quota place is held by one active booking of its citizen (bookings older than places hold none). */
appointmentSchema.index(
  { citizenId: 1, quotaPlace: 1 },
  { name: 'active_citizen_quota_place', unique: true, partialFilterExpression: { active: true, quotaPlace: { $exists: true } } },
);
/** The citizen's own list (newest first, by status or not); no-shows per citizen since a date. */
appointmentSchema.index({ citizenId: 1, status: 1, startsAt: -1 });
/** The staff day list: by date and department, by date and the items of a window (with or without department). */
appointmentSchema.index({ date: 1, department: 1, itemCode: 1 });
appointmentSchema.index({ date: 1, itemCode: 1 });
/** The no-show sweep. */
appointmentSchema.index({ status: 1, endsAt: 1 });

export type Appointment = InferSchemaType<typeof appointmentSchema>;
export const AppointmentModel = mongoose.model('Appointment', appointmentSchema, 'appointments');
