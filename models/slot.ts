// A bookable time slot of a window group on one working day. Seats are held by appointments
// (models/appointment.ts `seatKey`); `booked` and `remaining` = capacity − booked are a copy
// of their count for admin views, refreshed on cancel and by the reconciliation job. Listings
// count the bookings live.
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
    /** When a seat was last given back (see models/slot-full-mark.ts). */
    lastFreedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);
slotSchema.index({ windowGroup: 1, date: 1, start: 1 }, { unique: true });
slotSchema.index({ date: 1 });
slotSchema.index({ startsAt: 1 });

export type Slot = InferSchemaType<typeof slotSchema>;
export const SlotModel = mongoose.model('Slot', slotSchema, 'slots');
