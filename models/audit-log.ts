// Append-only record of who changed what (and who looked at whose personal data, and why).
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const auditLogSchema = new Schema(
  {
    at: { type: Date, required: true, index: true },
    actor: {
      kind: { type: String, required: true },
      id: { type: String, required: true },
      role: { type: String, default: null },
    },
    action: { type: String, required: true }, // create | update | unpublish | delete | view_pii | …
    entity: { type: String, required: true, index: true },
    entityId: { type: String, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    purpose: { type: String, default: '' },
    requestId: { type: String, default: '' },
  },
  { versionKey: false },
);
auditLogSchema.index({ entity: 1, entityId: 1, at: -1 });

export type AuditLog = InferSchemaType<typeof auditLogSchema>;
export const AuditLogModel = mongoose.model('AuditLog', auditLogSchema, 'audit_logs');
