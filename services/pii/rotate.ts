// Key rotation: with the new key as PII_KEY and the old one as PII_KEY_PREVIOUS, re-encrypts
// every citizen's personal data and recomputes the lookup hashes, in bounded batches, and the
// webhook signing secrets sealed under the same key.
// Safe to run twice and to interrupt: each citizen is rewritten whole or not at all.
import { ApplicationModel } from '../../models/application.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { WebhookModel } from '../../models/webhook.ts';
import { rotateHotlineCallers } from '../hotline/rotate-pii.ts';
import { decryptPii, encryptPii, hashPii, isSealed, needsReencryption } from './crypto.ts';

const BATCH = 500;

export interface RotationCounts {
  citizens: number;
  applications: number;
  webhooks: number;
  hotlineCallers: number;
}

export async function rotatePiiKey(): Promise<RotationCounts> {
  const counts: RotationCounts = { citizens: 0, applications: 0, webhooks: 0, hotlineCallers: 0 };
  let lastId: unknown = null;
  for (;;) {
    const batch = await CitizenModel.find(lastId ? { _id: { $gt: lastId } } : {})
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean();
    if (batch.length === 0) break;
    lastId = batch[batch.length - 1]!._id;
    for (const citizen of batch) {
      const sealed = [citizen.nameEnc, citizen.idNumberEnc, citizen.phoneEnc];
      if (!sealed.some((value) => value && needsReencryption(value))) continue;
      const idNumber = citizen.idNumberEnc ? decryptPii(citizen.idNumberEnc) : null;
      const phone = citizen.phoneEnc ? decryptPii(citizen.phoneEnc) : null;
      await CitizenModel.updateOne(
        { _id: citizen._id },
        {
          $set: {
            nameEnc: citizen.nameEnc ? encryptPii(decryptPii(citizen.nameEnc)) : null,
            idNumberEnc: idNumber ? encryptPii(idNumber) : null,
            idNumberHash: idNumber ? hashPii(idNumber) : null,
            phoneEnc: phone ? encryptPii(phone) : null,
            phoneHash: phone ? hashPii(phone) : null,
          },
        },
      );
      counts.citizens++;
    }
  }
  counts.applications = await rotateApplicantNames();
  counts.webhooks = await rotateWebhookSecrets();
  counts.hotlineCallers = await rotateHotlineCallers();
  return counts;
}

/** Partner endpoints are few (a handful per center): one bounded read. */
async function rotateWebhookSecrets(): Promise<number> {
  let rotated = 0;
  for (const endpoint of await WebhookModel.find({}, { secretEnc: 1 }).limit(10_000).lean()) {
    if (!needsReencryption(endpoint.secretEnc)) continue;
    // Guarded by the ciphertext read: a secret rotated meanwhile is never overwritten.
    const { secretEnc } = endpoint;
    await WebhookModel.updateOne({ _id: endpoint._id, secretEnc }, { $set: { secretEnc: encryptPii(decryptPii(secretEnc)) } }, { timestamps: false });
    rotated++;
  }
  return rotated;
}

async function rotateApplicantNames(): Promise<number> {
  let rotated = 0;
  let lastId: unknown = null;
  for (;;) {
    const filter = { applicantNameEnc: { $ne: null }, ...(lastId ? { _id: { $gt: lastId } } : {}) };
    const batch = await ApplicationModel.find(filter, { applicantNameEnc: 1 }).sort({ _id: 1 }).limit(BATCH).lean();
    if (batch.length === 0) return rotated;
    lastId = batch[batch.length - 1]!._id;
    for (const application of batch) {
      const stored = application.applicantNameEnc;
      // A walk-in company's name in clear (earlier versions) is sealed now, like every other.
      if (!stored || (isSealed(stored) && !needsReencryption(stored))) continue;
      // updatedAt stays: the name is the same, so nothing a reader sees changed (publishing would
      // re-read every case, and the staff queue, ordered by last change, would be reshuffled).
      // Guarded by the ciphertext read, so a write meanwhile is never overwritten.
      await ApplicationModel.updateOne(
        { _id: application._id, applicantNameEnc: stored },
        { $set: { applicantNameEnc: encryptPii(isSealed(stored) ? decryptPii(stored) : stored) } },
        { timestamps: false },
      );
      rotated++;
    }
  }
}
