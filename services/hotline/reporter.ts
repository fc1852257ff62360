// The reporter's identity, decrypted for the hotline center only; every look is audited with
// its purpose. Departments get masked contact details, and nothing at all on a 举报.
import type { HotlineRequestDoc } from '../../models/hotline-request.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { decryptPii } from '../pii/crypto.ts';
import { maskName, maskPhone } from '../pii/mask.ts';
import { visibleRequest } from './access.ts';

const open = (sealed: string | null | undefined) => (sealed ? decryptPii(sealed) : null);

export interface Contact {
  name: string | null;
  phone: string | null;
}

/** What a handling department may see of the caller: masked, and none for 举报 or anonymous requests. */
export function contactForDepartment(request: HotlineRequestDoc): Contact | null {
  if (request.type === '举报' || request.anonymous || !request.contactAllowed) return null;
  const name = open(request.caller?.nameEnc);
  const phone = open(request.caller?.phoneEnc);
  return { name: name ? maskName(name) : null, phone: phone ? maskPhone(phone) : null };
}

/** The reporter in full, for the hotline center; audited. */
export async function revealReporter(
  staff: StaffPrincipal,
  id: string,
  purpose: string,
  now: Date,
  requestId?: string,
): Promise<Contact & { citizenId: string | null; anonymous: boolean }> {
  const request = await visibleRequest(staff, id);
  await recordAudit({ actor: staff, action: 'read_reporter', entity: 'hotline_request', entityId: request.number, purpose, requestId }, now);
  return {
    name: open(request.caller?.nameEnc),
    phone: open(request.caller?.phoneEnc),
    citizenId: request.citizenId ? String(request.citizenId) : null,
    anonymous: request.anonymous,
  };
}
