// The mini-program's access_token, shared by every instance (integrations/wechat/access-token.ts):
// one row per app (`_id` = appId) and, while an instance refreshes it, a lease row
// (`_id` = `${appId}:refresh-lease`) that a guarded upsert lets one instance take.
import mongoose, { Schema, type Connection, type Model } from 'mongoose';

export interface WechatTokenDocument {
  _id: string;
  token: string | null;
  expiresAt: Date | null;
  /** Set on the lease row only: until when its holder may refresh undisturbed. */
  refreshingUntil: Date | null;
}

const wechatTokenSchema = new Schema<WechatTokenDocument>(
  {
    _id: { type: String, required: true },
    token: { type: String, default: null },
    expiresAt: { type: Date, default: null },
    refreshingUntil: { type: Date, default: null },
  },
  { collection: 'wechat_tokens', versionKey: false },
);

// Registered when this module loads, like every model, so connecting makes its collection
// before the first token is stored (server/db.ts).
export const WechatTokenModel = mongoose.model<WechatTokenDocument>('WechatToken', wechatTokenSchema);

/** The model on `connection` (another instance's connection, in tests); the default one otherwise. */
export function wechatTokenModel(connection: Connection = mongoose.connection): Model<WechatTokenDocument> {
  if (connection === mongoose.connection) return WechatTokenModel;
  return (connection.models.WechatToken as Model<WechatTokenDocument> | undefined) ?? connection.model<WechatTokenDocument>('WechatToken', wechatTokenSchema);
}
