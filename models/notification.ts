// Outbox of WeChat subscribe messages to citizens. A state change queues a row; the sender job
// delivers it with retries and backoff, so a WeChat failure never blocks the change itself.
// A row queued once per event (a reminder) carries a `dedupeKey`, unique among rows that have
// one; a row that is done expires through a TTL index on `expiresAt`.
// The same outbox carries signed webhook deliveries to partner systems (channel 'webhook',
// entity 'webhook' + the endpoint's id, `data` the event envelope, one `log` entry per attempt).
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const NOTIFICATION_CHANNELS = ['wechat', 'webhook'] as const;
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;

const notificationSchema = new Schema(
  {
    channel: { type: String, enum: NOTIFICATION_CHANNELS, default: 'wechat' },
    /** The citizen a WeChat message goes to; none for a webhook delivery. */
    citizenId: { type: Schema.Types.ObjectId, default: null },
    /** What it is about, e.g. `application` + id. */
    entity: { type: String, required: true },
    entityId: { type: String, required: true },
    /** The event: supplement_required | approved | rejected | accepted | completed. */
    kind: { type: String, required: true },
    templateId: { type: String, default: '' },
    page: { type: String, default: '' },
    data: { type: Schema.Types.Mixed, required: true }, // {key: {value}}
    status: { type: String, enum: NOTIFICATION_STATUSES, default: 'pending' },
    attempts: { type: Number, default: 0 },
    /** When the sender may (re)try; while 'sending', when the sender's lease runs out. */
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
    /** e.g. `appointment_reminder:<id>`: what may be queued only once. */
    dedupeKey: { type: String, default: null },
    /** Webhook attempts, oldest first: when, the receiver's HTTP status (null: no answer), why it failed. */
    log: {
      type: [new Schema({ at: Date, httpStatus: { type: Number, default: null }, error: { type: String, default: null }, durationMs: Number }, { _id: false })],
      default: undefined,
    },
    /** Set when the row is done (sent, failed, skipped). */
    expiresAt: { type: Date, default: null, expires: 0 },
  },
  { timestamps: true, versionKey: false },
);
notificationSchema.index({ status: 1, nextAttemptAt: 1 });
// What was sent about a record; an endpoint's delivery log, newest first.
notificationSchema.index({ entity: 1, entityId: 1, createdAt: -1, _id: -1 });
notificationSchema.index({ dedupeKey: 1 }, { unique: true, partialFilterExpression: { dedupeKey: { $type: 'string' } } });

export type Notification = InferSchemaType<typeof notificationSchema>;
export const NotificationModel = mongoose.model('Notification', notificationSchema, 'notifications');
