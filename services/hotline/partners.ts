// Partner systems' Open311 api_keys: issued by a center admin, shown once, kept as a hash.
import { createHash, randomBytes } from 'node:crypto';
import { HotlinePartnerModel } from '../../models/hotline-partner.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { recordAudit } from '../audit/record.ts';

const hashKey = (key: string) => createHash('sha256').update(`open311:${key}`).digest('hex');

export async function issuePartnerKey(name: string, actor: StaffPrincipal, now: Date, requestId?: string) {
  const apiKey = randomBytes(24).toString('base64url');
  const partner = await HotlinePartnerModel.create({ name, keyHash: hashKey(apiKey), createdBy: actor.id });
  await recordAudit({ actor, action: 'issue_api_key', entity: 'hotline_partner', entityId: String(partner._id), after: { name }, requestId }, now);
  return { id: String(partner._id), name, apiKey };
}

/** The partner of an api_key, or null. */
export async function partnerOfKey(apiKey: string): Promise<string | null> {
  const partner = await HotlinePartnerModel.findOne({ keyHash: hashKey(apiKey), active: true }, { _id: 1 }).lean();
  return partner ? String(partner._id) : null;
}
