// A service item (事项) with its full guide (办事指南), after the national guide elements.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const ITEM_CATEGORIES = ['行政许可', '行政确认', '行政裁决', '行政给付', '行政奖励', '行政备案', '其他行政权力', '公共服务'] as const;
export const CASE_TYPES = ['immediate', 'promised'] as const;
export const MATERIAL_FORMS = ['原件', '复印件', '电子'] as const;

const materialSchema = new Schema(
  {
    name: { type: String, required: true },
    form: { type: String, enum: MATERIAL_FORMS, required: true },
    copies: { type: Number, default: 1, min: 0 },
    required: { type: Boolean, default: true },
    blankFormUrl: { type: String, default: '' },
    sampleUrl: { type: String, default: '' },
    acceptanceStandard: { type: String, default: '' },
    source: { type: String, default: '申请人自备' },
    note: { type: String, default: '' },
    /** 可容缺: the case may be accepted without it, against the applicant's commitment to supply it. */
    deferrable: { type: Boolean, default: false },
  },
  { _id: false },
);

const feeItemSchema = new Schema(
  {
    name: { type: String, required: true },
    amountFen: { type: Number, required: true, min: 0 },
    basis: { type: String, default: '' },
    waivable: { type: Boolean, default: false },
  },
  { _id: false },
);

const itemSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    department: { type: String, required: true, index: true },
    category: { type: String, enum: ITEM_CATEGORIES, required: true },
    caseType: { type: String, enum: CASE_TYPES, required: true },
    conditions: { type: String, required: true },
    materials: { type: [materialSchema], default: [] },
    process: { type: [new Schema({ step: String, description: String }, { _id: false })], default: [] },
    legalLimitDays: { type: Number, required: true, min: 0 },
    promisedLimitDays: { type: Number, required: true, min: 0 },
    fee: {
      charged: { type: Boolean, required: true },
      items: { type: [feeItemSchema], default: [] },
    },
    windows: { type: [String], default: [] },
    hours: { type: String, required: true },
    helpline: { type: String, required: true },
    complaintLine: { type: String, required: true },
    visits: { type: Number, required: true, min: 0 },
    onsiteReason: { type: String, default: '' },
    onlineBooking: { type: Boolean, default: true },
    onlinePreReview: { type: Boolean, default: false },
    onlinePayment: { type: Boolean, default: false },
    deliveryByPost: { type: Boolean, default: false },
    highFrequency: { type: Boolean, default: false, index: true },
    keywords: { type: [String], default: [] },
    faq: { type: [new Schema({ q: String, a: String }, { _id: false })], default: [] },
    legalBasis: { type: String, default: '' },
    published: { type: Boolean, default: true, index: true },
  },
  { timestamps: true, versionKey: false },
);

export type Item = InferSchemaType<typeof itemSchema>;
export type ItemDoc = Item & { _id: mongoose.Types.ObjectId };
export const ItemModel = mongoose.model('Item', itemSchema, 'items');
