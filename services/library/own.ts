// The citizen's own library: list and delete. Deleting an entry lets go of its file; a case
// that used the file still holds it (file-refs.ts), so no case ever loses a material.
import { CitizenMaterialModel, type CitizenMaterialDoc } from '../../models/citizen-material.ts';
import { notFound } from '../../server/errors.ts';
import { findPage, type Page } from '../../server/pagination.ts';
import { isValidObjectId } from 'mongoose';
import { releaseFile } from './file-refs.ts';

/** The citizen's entries, newest approval first. */
export function listLibrary(citizenId: string, page: Page) {
  return findPage<CitizenMaterialDoc>(CitizenMaterialModel, { citizenId }, { approvedAt: -1, _id: -1 }, page);
}

/** Removes one entry of the citizen's own; 404 for anyone else's. */
export async function deleteLibraryEntry(citizenId: string, id: string): Promise<void> {
  if (!isValidObjectId(id)) throw notFound('材料库记录');
  const removed = await CitizenMaterialModel.findOneAndDelete({ _id: id, citizenId }).lean<CitizenMaterialDoc>();
  if (!removed) throw notFound('材料库记录');
  await releaseFile(removed.fileId);
}
