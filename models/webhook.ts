// A partner system's endpoint (信息孤岛: the systems around the center learn of case status
// changes, ratings and hotline replies). Its signing secret must be usable to sign, so it is
// encrypted at rest (services/pii/crypto.ts), never hashed; it is shown once, when issued.
// Deliveries are rows of the notification outbox (channel 'webhook', entity 'webhook').
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const WEBHOOK_EVENTS = ['application.status_changed', 'evaluation.created', 'hotline.replied'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const webhookSchema = new Schema(
  {
    url: { type: String, required: true },
    description: { type: String, default: '' },
    events: { type: [{ type: String, enum: WEBHOOK_EVENTS }], required: true },
    secretEnc: { type: String, required: true },
    active: { type: Boolean, default: true },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);
// Every emitted event looks up the active endpoints that chose it.
webhookSchema.index({ active: 1, events: 1 });

export type Webhook = InferSchemaType<typeof webhookSchema>;
export const WebhookModel = mongoose.model('Webhook', webhookSchema, 'webhooks');
