// Uniqueness claims of bookings, one document whose `_id` is the key (FerretDB has no partial
// unique indexes, so "one active booking per citizen, item and day" cannot be an index):
//   day:<citizen>:<item>:<date>    one active booking per citizen, item and day
//   active:<citizen>:<n>           n < MAX_ACTIVE_BOOKINGS: one seat of the citizen's quota
//   idem:<citizen>:<key>           the Idempotency-Key of a booking request (kept for good)
// Day and active claims are deleted when their booking stops being active.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const bookingClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['day', 'active', 'idem'], required: true },
    citizenId: { type: Schema.Types.ObjectId, required: true },
    appointmentId: { type: Schema.Types.ObjectId, required: true, index: true },
    createdAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export type BookingClaim = InferSchemaType<typeof bookingClaimSchema>;
export const BookingClaimModel = mongoose.model('BookingClaim', bookingClaimSchema, 'booking_claims');
