// A WeChat Pay JSAPI order (one payment attempt) for an application's fee. The amount is fixed in
// fen when the order is made; `status` only moves by conditional updates guarded by its value:
// open → paid | closed | failed; paid → refunded (when refunds reach the full amount). Refunded
// sums are derived from payment_refunds, never kept as counters.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const PAYMENT_ORDER_STATUSES = ['open', 'paid', 'closed', 'failed', 'refunded'] as const;
export type PaymentOrderStatus = (typeof PAYMENT_ORDER_STATUSES)[number];

const paymentOrderSchema = new Schema(
  {
    outTradeNo: { type: String, required: true, unique: true },
    applicationId: { type: Schema.Types.ObjectId, required: true, index: true },
    citizenId: { type: Schema.Types.ObjectId, required: true },
    itemCode: { type: String, required: true },
    description: { type: String, required: true },
    amountFen: { type: Number, required: true, min: 1 },
    payerOpenid: { type: String, required: true },
    status: { type: String, enum: PAYMENT_ORDER_STATUSES, default: 'open', index: true },
    /** Set once WeChat Pay answered the order request; reused while the order is open. */
    prepayId: { type: String, default: null },
    timeExpire: { type: Date, required: true },
    transactionId: { type: String, default: null },
    paidAt: { type: Date, default: null },
    /** How the payment became known: the notify, or the reconcile job's query. */
    settledBy: { type: String, enum: ['notify', 'query', null], default: null },
    closedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);
paymentOrderSchema.index({ status: 1, createdAt: 1 });

export type PaymentOrder = InferSchemaType<typeof paymentOrderSchema> & { _id: mongoose.Types.ObjectId };
export const PaymentOrderModel = mongoose.model('PaymentOrder', paymentOrderSchema, 'payment_orders');
