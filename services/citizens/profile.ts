// The real-name profile: name, ID number (GB 11643 checked) and phone, encrypted at rest with
// keyed hashes for lookups. Only the owner ever sees them, and then masked.
import { getPhoneNumber } from '../../integrations/wechat/index.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { notFound, validationFailed } from '../../server/errors.ts';
import { decryptPii, encryptPii, hashPii } from '../pii/crypto.ts';
import { config } from '../../server/config.ts';
import { zonedDate } from '../calendar/zoned-time.ts';
import { idNumberProblem, normaliseIdNumber } from '../pii/id-number.ts';
import { maskIdNumber, maskName, maskPhone } from '../pii/mask.ts';
import { toWechatAppError } from './wechat-errors.ts';
import { wechatOptions } from './wechat-options.ts';

export interface ProfileInput {
  name: string;
  idNumber: string;
  phone: string;
}

/** Saves the real-name profile; the ID number must be real as of `now` (no birth after today). */
export async function saveProfile(citizenId: string, input: ProfileInput, now = new Date()) {
  const idNumber = normaliseIdNumber(input.idNumber);
  const problem = idNumberProblem(idNumber, zonedDate(now, config.TZ_NAME));
  if (problem) throw validationFailed({ 'body.idNumber': problem }, '身份证号码有误');
  const updated = await CitizenModel.findByIdAndUpdate(
    citizenId,
    {
      $set: {
        nameEnc: encryptPii(input.name),
        idNumberEnc: encryptPii(idNumber),
        idNumberHash: hashPii(idNumber),
        phoneEnc: encryptPii(input.phone),
        phoneHash: hashPii(input.phone),
        verified: true,
      },
    },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw notFound('用户');
  return presentOwnProfile(updated);
}

/** Fetches the number behind a getPhoneNumber button's code and stores it. */
export async function savePhoneFromWechat(citizenId: string, code: string) {
  const phone = await getPhoneNumber({ ...wechatOptions(), code }).catch((error) => {
    throw toWechatAppError(error);
  });
  const updated = await CitizenModel.findByIdAndUpdate(
    citizenId,
    { $set: { phoneEnc: encryptPii(phone.purePhoneNumber), phoneHash: hashPii(phone.purePhoneNumber) } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw notFound('用户');
  return presentOwnProfile(updated);
}

export async function readOwnProfile(citizenId: string) {
  const citizen = await CitizenModel.findById(citizenId).lean();
  if (!citizen) throw notFound('用户');
  return presentOwnProfile(citizen);
}

interface StoredCitizen {
  _id: unknown;
  nameEnc?: string | null;
  idNumberEnc?: string | null;
  phoneEnc?: string | null;
  verified: boolean;
  bannedUntil?: Date | null;
}

/** The owner's view: name masked lightly, ID number and phone masked. */
function presentOwnProfile(citizen: StoredCitizen) {
  const open = (sealed?: string | null) => (sealed ? decryptPii(sealed) : null);
  const name = open(citizen.nameEnc);
  const idNumber = open(citizen.idNumberEnc);
  const phone = open(citizen.phoneEnc);
  return {
    id: String(citizen._id),
    verified: citizen.verified,
    name: name ? maskName(name) : null,
    idNumber: idNumber ? maskIdNumber(idNumber) : null,
    phone: phone ? maskPhone(phone) : null,
    bannedUntil: citizen.bannedUntil ? citizen.bannedUntil.toISOString() : null,
  };
}
