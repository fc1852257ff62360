// Uploading one material: content checked, file stored in GridFS, then the application's
// material list swapped in one guarded update (replacing a material replaces its file).
import { badRequest, conflict, invalidState, notFound } from '../../server/errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { EDITABLE, ownApplication } from './citizen.ts';
import { isPendingDeferred, receiveDeferred } from './deferral.ts';
import { releaseFile } from '../library/file-refs.ts';
import { materialsOf } from './materials-of.ts';
import { allowedContentType, deleteFile, extensionOf, safeFilename, storeFile } from './material-files.ts';
import { findApplication, updateApplication, type ApplicationDoc } from './write.ts';

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
  if (!materialsOf(application, catalogue).some((m) => m.name === upload.materialName)) {
    throw badRequest('UNKNOWN_MATERIAL', '该事项不需要此材料', { materialName: upload.materialName });
  }
  const awaited = application.status === 'accepted' && isPendingDeferred(application, upload.materialName);
  if (!awaited) assertEditable(application);
  const contentType = await allowedContentType(upload.content);
  const filename = safeFilename(upload.originalName, extensionOf(contentType));
  const stored = await storeFile(upload.content, filename, contentType, {
    applicationId: String(application._id),
    materialName: upload.materialName,
  });
  const entry = {
    materialName: upload.materialName,
    fileId: stored.fileId,
    filename,
    contentType,
    size: stored.size,
    sha256: stored.sha256,
    uploadedAt: now,
    reusedFrom: null,
  };
  if (awaited) return receiveUpload(application, entry, now);
  try {
    const { updated, replaced } = await swapMaterial(application, entry, now);
    if (replaced) await releaseFile(replaced); // the library may still hold it
    return updated;
  } catch (error) {
    await deleteFile(stored.fileId); // nothing stays stored for a refused upload
    throw error;
  }
}

/** The awaited 容缺 material of an accepted case arrives; the file goes again if it was closed meanwhile. */
async function receiveUpload(application: ApplicationDoc, entry: ApplicationDoc['materials'][number], now: Date) {
  const updated = await receiveDeferred(application, entry, now);
  if (updated) return updated;
  await deleteFile(entry.fileId);
  throw conflict('DEFERRED_CLOSED', '该容缺材料已补交或已处理', { materialName: entry.materialName });
}

/** Tries per upload: each loses only to another change of the same material landing first. */
const ATTEMPTS = 4;

/**
 * Swaps the material in while the application is editable, guarded by the file it replaces
 * (or by its absence), so the replaced file is known exactly even when two uploads replace the
 * same material at once; uploads of different materials never get in each other's way.
 */
export async function swapMaterial(current: ApplicationDoc, entry: ApplicationDoc['materials'][number], now: Date) {
  const id = String(current._id);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const replaced = current.materials.find((m) => m.materialName === entry.materialName)?.fileId ?? null;
    const status = { $in: EDITABLE };
    const updated = replaced
      ? await updateApplication(
          id,
          { status, materials: { $elemMatch: { materialName: entry.materialName, fileId: replaced } } },
          { $set: { 'materials.$[same]': entry } },
          now,
          [{ 'same.materialName': entry.materialName }],
        )
      : await updateApplication(id, { status, 'materials.materialName': { $ne: entry.materialName } }, { $push: { materials: entry } }, now);
    if (updated) return { updated, replaced };
    const reread = await findApplication(id);
    if (!reread) throw notFound('申请');
    assertEditable(reread);
    current = reread;
  }
  throw conflict('BUSY', '操作过于频繁，请稍后重试');
}

function assertEditable(application: ApplicationDoc): void {
  if (!(EDITABLE as readonly string[]).includes(application.status)) throw invalidState(application.status, '上传材料');
}
