// Uniqueness claims of bookings, one document whose `_id` is the key (FerretDB has no partial
// unique indexes, so "one active booking per citizen, item and day" cannot be an index):
//   day:<citizen>:<item>:<date>    one active booking per citizen, item and day
//   active:<citizen>:<n>           n < MAX_ACTIVE_BOOKINGS: one seat of the citizen's quota
// Both are deleted when their booking stops being active. (An Idempotency-Key needs no claim:
// the appointment's _id is derived from it, see services/booking/book.ts.)
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const bookingClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['day', 'active'], required: true },
    citizenId: { type: Schema.Types.ObjectId, required: true },
    appointmentId: { type: Schema.Types.ObjectId, required: true, index: true },
    createdAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export type BookingClaim = InferSchemaType<typeof bookingClaimSchema>;
export const BookingClaimModel = mongoose.model('BookingClaim', bookingClaimSchema, 'booking_claims');
