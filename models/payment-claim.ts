// One document per application that has a payment order in play: its _id is the application
// id, so inserting it is the race-safe "only one open order per application" lock (no
// transactions on FerretDB). It points at the order currently offered to the citizen.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const paymentClaimSchema = new Schema(
  {
    _id: { type: String, required: true }, // the application id
    orderId: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: true, versionKey: false },
);

export type PaymentClaim = InferSchemaType<typeof paymentClaimSchema>;
export const PaymentClaimModel = mongoose.model('PaymentClaim', paymentClaimSchema, 'payment_claims');
