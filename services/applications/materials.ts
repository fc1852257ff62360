// Uploading one material: content checked, file stored in GridFS, then the application's
// material list swapped in one conditional update (replacing a material replaces its file).
import type { ObjectId } from 'mongodb';
import { badRequest, invalidState } from '../../server/errors.ts';
import { changeApplication } from './revision.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { EDITABLE, ownApplication } from './citizen.ts';
import { allowedContentType, deleteFile, extensionOf, safeFilename, storeFile } from './material-files.ts';
import type { ApplicationDoc } from './transition.ts';

export interface UploadedMaterial {
  citizenId: string;
  applicationId: string;
  materialName: string;
  originalName: string;
  content: Buffer;
}

/** Stores the file and records it as `materialName`; the previous file of that material is removed. */
export async function uploadMaterial(upload: UploadedMaterial, now: Date, catalogue: CatalogueSnapshot): Promise<ApplicationDoc> {
  const application = await ownApplication(upload.citizenId, upload.applicationId);
  const guide = catalogue.byCode.get(application.itemCode);
  if (!guide?.materials.some((m) => m.name === upload.materialName)) {
    throw badRequest('UNKNOWN_MATERIAL', '该事项不需要此材料', { materialName: upload.materialName });
  }
  assertEditable(application);
  const contentType = await allowedContentType(upload.content);
  const filename = safeFilename(upload.originalName, extensionOf(contentType));
  const stored = await storeFile(upload.content, filename, contentType, {
    applicationId: String(application._id),
    materialName: upload.materialName,
  });
  const entry = { materialName: upload.materialName, fileId: stored.fileId, filename, contentType, size: stored.size, sha256: stored.sha256, uploadedAt: now };
  try {
    const { updated, replaced } = await swapMaterial(upload.applicationId, entry);
    if (replaced) await deleteFile(replaced);
    return updated;
  } catch (error) {
    await deleteFile(stored.fileId); // nothing stays stored for a refused upload
    throw error;
  }
}

/** Swaps the material in as a claimed change; answers the file it replaced. */
async function swapMaterial(id: string, entry: { materialName: string; fileId: ObjectId }) {
  let replaced: ObjectId | null = null;
  const { after } = await changeApplication(id, (current) => {
    assertEditable(current);
    replaced = current.materials.find((m) => m.materialName === entry.materialName)?.fileId ?? null;
    return { $set: { materials: [...current.materials.filter((m) => m.materialName !== entry.materialName), entry] } };
  });
  return { updated: after, replaced: replaced as ObjectId | null };
}

function assertEditable(application: ApplicationDoc): void {
  if (!(EDITABLE as readonly string[]).includes(application.status)) throw invalidState(application.status, '上传材料');
}
