// Material files in GridFS (bucket `materials`, declared in models/material-file.ts), with a
// sha256 checksum kept in the file's metadata and on the application.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GridFSBucket, ObjectId } from 'mongodb';
import mongoose from 'mongoose';
import { fileTypeFromBuffer } from 'file-type';
import { MATERIALS_BUCKET } from '../../models/material-file.ts';
import { AppError } from '../../server/errors.ts';

/** Content types accepted, by what the bytes are, never by the file name. */
const ALLOWED = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

export interface StoredFile {
  fileId: ObjectId;
  contentType: string;
  size: number;
  sha256: string;
}

function bucket(): GridFSBucket {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return new GridFSBucket(db, { bucketName: MATERIALS_BUCKET });
}

/** The content type of `content` if it is a pdf, jpg or png; 415 FILE_TYPE_NOT_ALLOWED otherwise. */
export async function allowedContentType(content: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !ALLOWED.has(detected.mime)) {
    throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', '仅支持 PDF、JPG、PNG 格式的文件', { detected: detected?.mime ?? null });
  }
  return detected.mime;
}

/** Stores one file; resolves once every chunk is written. */
export async function storeFile(content: Buffer, filename: string, contentType: string, metadata: Record<string, unknown>): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  // Held once, by the application it is uploaded to (services/library/file-refs.ts).
  const upload = bucket().openUploadStream(filename, { metadata: { ...metadata, contentType, sha256, refs: 1 } });
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(content);
  });
  return { fileId: upload.id, contentType, size: content.length, sha256 };
}

/** A stream of the stored bytes. */
export function openFile(fileId: ObjectId): Readable {
  return bucket().openDownloadStream(fileId);
}

/** Removes a file and its chunks; a file already gone is fine. */
export async function deleteFile(fileId: ObjectId): Promise<void> {
  await bucket()
    .delete(fileId)
    .catch((error: unknown) => {
      if (!/File not found/i.test(String((error as Error)?.message))) throw error;
    });
}

/** A file name safe for storage and Content-Disposition: no paths, no control characters. */
export function safeFilename(original: string, extension: string): string {
  const base =
    original
      .replace(/^.*[\\/]/, '')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f"\\]/g, '')
      .slice(0, 100) || 'material';
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

/** The usual extension of an allowed content type. */
export const extensionOf = (contentType: string) => ALLOWED.get(contentType) ?? 'bin';
