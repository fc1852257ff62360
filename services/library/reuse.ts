// Reusing a library material (材料复用): the still-valid matches offered for an application's
// materials, and attaching one, with the citizen's consent, as the same GridFS file (one more
// holder). A reused material is marked (`reusedFrom`) for the reviewer.
import { CitizenMaterialModel, type CitizenMaterialDoc } from '../../models/citizen-material.ts';
import { isValidObjectId } from 'mongoose';
import { badRequest, conflict, invalidState, notFound } from '../../server/errors.ts';
import { businessDate } from '../applications/business-date.ts';
import { EDITABLE, ownApplication } from '../applications/citizen.ts';
import { swapMaterial } from '../applications/materials.ts';
import type { ApplicationDoc } from '../applications/find.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { materialsOf } from '../applications/materials-of.ts';
import { releaseFile, retainFiles } from './file-refs.ts';
import { typesOf } from './types.ts';

const MAX_MATCHES = 200;

/** For each material of the application, the owner's library entries of its type still valid today. */
export async function reusableMatches(citizenId: string, applicationId: string, now: Date, catalogue: CatalogueSnapshot) {
  const application = await ownApplication(citizenId, applicationId);
  const names = materialsOf(application, catalogue).map((m) => m.name);
  const types = await typesOf(names);
  const codes = [...new Set([...types.values()].map((t) => t.code))];
  const entries = await CitizenMaterialModel.find({ citizenId, typeCode: { $in: codes }, validUntil: { $gte: businessDate(now) } })
    .sort({ validUntil: -1 })
    .limit(MAX_MATCHES)
    .lean<CitizenMaterialDoc[]>();
  return names.map((materialName) => ({ materialName, matches: entries.filter((e) => e.typeCode === types.get(materialName)?.code) }));
}

/** Attaches library entry `entryId` as `materialName` of the owner's editable application. */
export async function reuseMaterial(citizenId: string, applicationId: string, materialName: string, entryId: string, now: Date, catalogue: CatalogueSnapshot) {
  const application = await ownApplication(citizenId, applicationId);
  if (!materialsOf(application, catalogue).some((m) => m.name === materialName)) {
    throw badRequest('UNKNOWN_MATERIAL', '该事项不需要此材料', { materialName });
  }
  if (!(EDITABLE as readonly string[]).includes(application.status)) throw invalidState(application.status, '复用材料');
  if (!isValidObjectId(entryId)) throw notFound('材料库记录');
  const entry = await CitizenMaterialModel.findOne({ _id: entryId, citizenId }).lean<CitizenMaterialDoc>();
  if (!entry) throw notFound('材料库记录');
  if (entry.validUntil < businessDate(now)) throw conflict('MATERIAL_EXPIRED', `该材料已于 ${entry.validUntil} 过期，请重新上传`);
  const type = (await typesOf([materialName])).get(materialName);
  if (type?.code !== entry.typeCode) throw conflict('MATERIAL_TYPE_MISMATCH', `材料库中的“${entry.typeName}”不能用作“${materialName}”`);
  await retainFiles([entry.fileId]);
  const material: ApplicationDoc['materials'][number] = {
    materialName,
    fileId: entry.fileId,
    filename: entry.filename,
    contentType: entry.contentType,
    size: entry.size,
    sha256: entry.sha256,
    uploadedAt: now,
    reusedFrom: entry._id,
  };
  try {
    const { updated, replaced } = await swapMaterial(application, material, now);
    if (replaced) await releaseFile(replaced);
    return updated;
  } catch (error) {
    await releaseFile(entry.fileId);
    throw error;
  }
}
