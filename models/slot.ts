// A bookable time slot of a window group on one working day. Its counters decide the seats:
// a booking takes one with a guarded `$inc` (`remaining > 0`, booked +1, remaining −1) and an
// ended booking gives it back with the opposite `$inc` (services/booking/seats.ts), so
// booked + remaining = capacity always and no slot holds more bookings than seats.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const slotSchema = new Schema(
  {
    windowGroup: { type: String, required: true }, // schedule key: the windows serving an item
    date: { type: String, required: true }, // YYYY-MM-DD in TZ_NAME
    start: { type: String, required: true }, // HH:mm
    end: { type: String, required: true },
    startsAt: { type: Date, required: true }, // the instant of `date start` in TZ_NAME
    capacity: { type: Number, required: true, min: 0 },
    booked: { type: Number, default: 0, min: 0 },
    remaining: { type: Number, required: true, min: 0 },
    endsAt: { type: Date, required: true },
    /** Slots open to booking from this instant (the daily release time). */
    opensAt: { type: Date, required: true },
    status: { type: String, enum: ['open', 'closed'], default: 'open' },
  },
  { timestamps: true, versionKey: false },
);
/** One slot per group, date and start; the item's slot list (group, date range, by start). */
slotSchema.index({ windowGroup: 1, date: 1, start: 1 }, { unique: true });
slotSchema.index({ date: 1 });
/** Future slots (reconciliation). */
slotSchema.index({ startsAt: 1 });

export type Slot = InferSchemaType<typeof slotSchema>;
export const SlotModel = mongoose.model('Slot', slotSchema, 'slots');
