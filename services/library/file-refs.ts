// Reference counts of material files (GridFS bucket `materials`): `metadata.refs` on the file
// counts the applications and library entries holding it. A file is deleted when the last
// holder lets go: the decrement, then a guarded mark (`refs <= 0`, not yet `deleting`) that
// only one caller wins; a holder arriving before the mark bumps refs and the mark fails.
// Files stored before counting began have no `refs`: they count as held once (their application).
import type { ObjectId } from 'mongodb';
import mongoose from 'mongoose';
import { MaterialFileModel } from '../../models/material-file.ts';
import { conflict } from '../../server/errors.ts';
import { deleteFile } from '../applications/material-files.ts';

function files() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return db.collection(MaterialFileModel.collection.collectionName);
}

/** One more holder of each file; 409 FILE_GONE when one is already being deleted. */
export async function retainFiles(fileIds: ObjectId[]): Promise<void> {
  if (fileIds.length === 0) return;
  await files().updateMany({ _id: { $in: fileIds }, 'metadata.refs': { $exists: false } }, { $set: { 'metadata.refs': 1 } });
  const result = await files().updateMany({ _id: { $in: fileIds }, 'metadata.deleting': { $ne: true } }, { $inc: { 'metadata.refs': 1 } });
  if (result.matchedCount !== fileIds.length) throw conflict('FILE_GONE', '该材料文件已被删除，请重新上传');
}

/** One holder fewer; the file goes with its last holder. */
export async function releaseFile(fileId: ObjectId): Promise<void> {
  const after = await files().findOneAndUpdate({ _id: fileId }, { $inc: { 'metadata.refs': -1 } }, { returnDocument: 'after' });
  if (!after) return;
  const refs = typeof after.metadata?.refs === 'number' ? after.metadata.refs : 0;
  if (refs > 0) return;
  const marked = await files().updateOne(
    { _id: fileId, 'metadata.refs': { $lte: 0 }, 'metadata.deleting': { $ne: true } },
    { $set: { 'metadata.deleting': true } },
  );
  if (marked.modifiedCount === 1) await deleteFile(fileId);
}
