// Photos of a citizen's request, checked by content like materials (PDF is not a photo): at most
// six, added while the request waits at the center or the department, by one guarded $push.
import { Types } from 'mongoose';
import { HotlineRequestModel, type HotlineRequestDoc } from '../../models/hotline-request.ts';
import { AppError, conflict, notFound } from '../../server/errors.ts';
import { allowedContentType, deleteFile, extensionOf, safeFilename, storeFile } from '../applications/material-files.ts';
import { findRequest } from './transition.ts';

export const MAX_PHOTOS = 6;

export async function addPhoto(citizenId: string, id: string, content: Buffer, originalName: string): Promise<HotlineRequestDoc> {
  const request = await findRequest(id);
  if (!request || String(request.citizenId) !== citizenId) throw notFound('诉求');
  const contentType = await allowedContentType(content);
  if (!contentType.startsWith('image/')) throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', '照片仅支持 JPG、PNG 格式', { detected: contentType });
  if (request.photos.length >= MAX_PHOTOS) throw conflict('TOO_MANY_PHOTOS', `每件诉求最多上传${MAX_PHOTOS}张照片`);
  const stored = await storeFile(content, safeFilename(originalName, extensionOf(contentType)), contentType, { hotlineRequest: request.number });
  const photo = { fileId: stored.fileId, contentType, size: stored.size, sha256: stored.sha256 };
  const changed = await HotlineRequestModel.findOneAndUpdate(
    {
      _id: request._id,
      citizenId: new Types.ObjectId(citizenId),
      status: { $in: ['received', 'dispatched', 'signed'] },
      [`photos.${MAX_PHOTOS - 1}`]: { $exists: false },
    },
    { $push: { photos: photo } },
    { returnDocument: 'after' },
  ).lean<HotlineRequestDoc>();
  if (changed) return changed;
  await deleteFile(stored.fileId);
  throw conflict('PHOTOS_CLOSED', '该诉求当前不能再添加照片');
}
