// Key rotation for hotline callers (services/pii/rotate.ts calls it): name and number
// re-encrypted and the number's lookup hash recomputed, guarded by the ciphertext read so a
// write meanwhile is never overwritten. updatedAt stays: nothing a reader sees changed.
import { HotlineRequestModel } from '../../models/hotline-request.ts';
import { decryptPii, encryptPii, hashPii, needsReencryption } from '../pii/crypto.ts';

const BATCH = 500;
const reseal = (sealed: string | null | undefined) => (sealed ? encryptPii(decryptPii(sealed)) : null);

export async function rotateHotlineCallers(): Promise<number> {
  let rotated = 0;
  let lastId: unknown = null;
  for (;;) {
    const filter = {
      $or: [{ 'caller.nameEnc': { $type: 'string' as const } }, { 'caller.phoneEnc': { $type: 'string' as const } }],
      ...(lastId ? { _id: { $gt: lastId } } : {}),
    };
    const batch = await HotlineRequestModel.find(filter, { caller: 1 }).sort({ _id: 1 }).limit(BATCH).lean();
    if (batch.length === 0) return rotated;
    lastId = batch[batch.length - 1]!._id;
    for (const { _id, caller } of batch) {
      const { nameEnc = null, phoneEnc = null } = caller ?? {};
      if (![nameEnc, phoneEnc].some((sealed) => sealed && needsReencryption(sealed))) continue;
      const phone = phoneEnc ? decryptPii(phoneEnc) : null;
      await HotlineRequestModel.updateOne(
        { _id, 'caller.nameEnc': nameEnc, 'caller.phoneEnc': phoneEnc },
        { $set: { caller: { nameEnc: reseal(nameEnc), phoneEnc: phone ? encryptPii(phone) : null, phoneHash: phone ? hashPii(phone) : null } } },
        { timestamps: false },
      );
      rotated++;
    }
  }
}
