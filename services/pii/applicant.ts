// The applicant's name of a case, as each reader may see it. Stored sealed (encryptPii) in
// `applicantNameEnc`; walk-in cases of earlier versions stored a company's name in clear, which
// is read as it is (key rotation seals it, services/pii/rotate.ts). A company's name is public;
// a person's is masked unless the reader may see it in full.
import { decryptPii, isSealed } from './crypto.ts';
import { maskName } from './mask.ts';

/** The name to show, or null when there is none (or retention cleared it, or it cannot be read). */
export function applicantNameOf(stored: string | null | undefined, isCompany: boolean | null | undefined, options: { unmasked?: boolean } = {}): string | null {
  if (!stored) return null;
  let name: string;
  if (!isSealed(stored)) {
    if (!isCompany) return null; // never shown: a person's name is only ever stored sealed
    name = stored;
  } else {
    try {
      name = decryptPii(stored);
    } catch {
      return null;
    }
  }
  return isCompany || options.unmasked ? name : maskName(name);
}
