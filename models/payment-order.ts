// A WeChat Pay JSAPI order (one payment attempt) for an application's fee. The amount is fixed in
// fen when the order is made; `status` only moves by conditional updates guarded by its value:
// open → paid | closed | failed; paid → refunded (when refunds reach the full amount). At most one
// order per application is open: a partial unique index, so a second insert is a duplicate key.
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
    status: { type: String, enum: PAYMENT_ORDER_STATUSES, default: 'open' },
    /** Set once WeChat Pay answered the order request; reused while the order is open. */
    prepayId: { type: String, default: null },
    timeExpire: { type: Date, required: true },
    transactionId: { type: String, default: null },
    paidAt: { type: Date, default: null },
    /** How the payment became known: the notify, or the reconcile job's query. */
    settledBy: { type: String, enum: ['notify', 'query', null], default: null },
    closedAt: { type: Date, default: null },
    /**
     * Fen that may still be refunded: amountFen when settled, taken by a guarded $inc when a
     * refund is requested (filter refundableFen ≥ the refund) and given back when one fails.
     */
    refundableFen: { type: Number, default: 0, min: 0 },
  },
  { timestamps: true, versionKey: false },
);
// The reconcile job's scan: open orders oldest first.
paymentOrderSchema.index({ status: 1, createdAt: 1 });
// One open order per application (the status in the key keeps it apart from applicationId_1).
paymentOrderSchema.index({ applicationId: 1, status: 1 }, { unique: true, partialFilterExpression: { status: 'open' } });

export type PaymentOrder = InferSchemaType<typeof paymentOrderSchema> & { _id: mongoose.Types.ObjectId };
export const PaymentOrderModel = mongoose.model('PaymentOrder', paymentOrderSchema, 'payment_orders');

/** The application's open order, if any (at most one). */
export const findOpenOrder = (applicationId: mongoose.Types.ObjectId | string) => PaymentOrderModel.findOne({ applicationId, status: 'open' });

/** Open orders created before `createdBefore`, oldest first: those whose notify is overdue. */
export const findQuietOpenOrders = (createdBefore: Date, limit: number) =>
  PaymentOrderModel.find({ status: 'open', createdAt: { $lt: createdBefore } })
    .sort({ createdAt: 1 })
    .limit(limit);
