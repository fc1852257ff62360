// Keys inserted once: a duplicate _id is the only check-and-set that holds on every MongoDB-wire
// server (FerretDB applies concurrent conditional updates without isolation). Used as one-time
// markers (an effect already applied) and as short locks (held while a refund is reserved).
import mongoose, { Schema } from 'mongoose';

const paymentMarkSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const PaymentMarkModel = mongoose.model('PaymentMark', paymentMarkSchema, 'payment_marks');
