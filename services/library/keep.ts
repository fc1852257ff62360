// Keeping approved materials: when pre-review approves an application, each uploaded file goes
// into the owner's material library as the same GridFS file (one more holder, no copy), with
// its type, approver and the last day it may be reused.
import { CitizenMaterialModel } from '../../models/citizen-material.ts';
import { logger } from '../../server/logger.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import type { ApplicationDoc } from '../applications/find.ts';
import { businessDate } from '../applications/business-date.ts';
import { releaseFile, retainFiles } from './file-refs.ts';
import { addMonths, typesOf } from './types.ts';

/** A document's own expiry as the reviewer read it (an ID card's 有效期限). */
export interface EnteredExpiry {
  materialName: string;
  validUntil: string;
}

/**
 * Keeps every uploaded (not reused) material of `application` in its owner's library; returns
 * how many entries were added. Runs after the approval stands and never undoes it: a failure
 * is logged, and the citizen simply has nothing to reuse from this case.
 */
export async function keepApprovedMaterials(application: ApplicationDoc, approvedBy: string, expiries: EnteredExpiry[], now: Date): Promise<number> {
  const citizenId = application.citizenId;
  const uploads = application.materials.filter((m) => !m.reusedFrom);
  if (!citizenId || uploads.length === 0) return 0;
  try {
    const types = await typesOf(uploads.map((m) => m.materialName));
    const today = businessDate(now);
    const entries = uploads.map((m) => {
      const type = types.get(m.materialName)!;
      const entered = expiries.find((e) => e.materialName === m.materialName)?.validUntil;
      return {
        citizenId,
        typeCode: type.code,
        typeName: type.name,
        materialName: m.materialName,
        fileId: m.fileId,
        filename: m.filename,
        contentType: m.contentType,
        size: m.size,
        sha256: m.sha256,
        sourceApplicationId: application._id,
        approvedBy,
        approvedAt: now,
        validUntil: entered ?? addMonths(today, type.validMonths),
      };
    });
    // Hold first, so no moment exists where an entry names a file nobody holds.
    await retainFiles(entries.map((e) => e.fileId));
    let kept = 0;
    for (const entry of entries) {
      if (await insertOnce(entry)) kept++;
      else await releaseFile(entry.fileId); // kept already (a retried approval): not held twice
    }
    return kept;
  } catch (error) {
    logger.error({ err: error, applicationId: String(application._id) }, 'could not keep approved materials in the library');
    return 0;
  }
}

/** Inserts the entry; false when the file is in the citizen's library already (unique index). */
async function insertOnce(entry: Record<string, unknown>): Promise<boolean> {
  try {
    await CitizenMaterialModel.create(entry);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
