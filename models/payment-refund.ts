// A refund of (part of) a paid order, one document per out_refund_no (unique). Stored before
// WeChat Pay is asked, so a refund notify that overtakes the refund request still finds it.
// status: processing → success | closed | abnormal | failed (WeChat refused the request), each
// move a conditional update from 'processing', so only the first final report applies.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const PAYMENT_REFUND_STATUSES = ['processing', 'success', 'closed', 'abnormal', 'failed'] as const;
export type PaymentRefundStatus = (typeof PAYMENT_REFUND_STATUSES)[number];

const paymentRefundSchema = new Schema(
  {
    outRefundNo: { type: String, required: true, unique: true },
    orderId: { type: Schema.Types.ObjectId, required: true, index: true },
    outTradeNo: { type: String, required: true },
    amountFen: { type: Number, required: true, min: 1 },
    reason: { type: String, required: true },
    status: { type: String, enum: PAYMENT_REFUND_STATUSES, default: 'processing' },
    refundId: { type: String, default: null },
    requestedBy: { type: String, required: true },
    succeededAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false },
);
// The reconcile job's scan: refunds still processing, oldest first.
paymentRefundSchema.index({ status: 1, createdAt: 1 });

export type PaymentRefund = InferSchemaType<typeof paymentRefundSchema> & { _id: mongoose.Types.ObjectId };
export const PaymentRefundModel = mongoose.model('PaymentRefund', paymentRefundSchema, 'payment_refunds');

/** Refunds still processing created before `createdBefore`, oldest first. */
export const findQuietRefunds = (createdBefore: Date, limit: number) =>
  PaymentRefundModel.find({ status: 'processing', createdAt: { $lt: createdBefore } })
    .sort({ createdAt: 1 })
    .limit(limit);
