// Retention: for cases completed more than RETENTION_DAYS ago, removes the uploaded material
// files (GridFS bucket `materials`) and clears the applicant's name. The case record stays.
import type { ObjectId } from 'mongodb';
import { ApplicationModel } from '../models/application.ts';
import { config } from '../server/config.ts';
import { updateApplication } from '../services/applications/write.ts';
import { releaseFile } from '../services/library/file-refs.ts';
import type { Job } from './types.ts';

const BATCH = 500;
const MAX_BATCHES = 20;
const DAY_MS = 86_400_000;

export const retentionJob: Job = {
  name: 'retention',
  schedule: '40 2 * * *',
  async run(now) {
    const before = new Date(now.getTime() - config.RETENTION_DAYS * DAY_MS);
    let cases = 0;
    let files = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const expired = await ApplicationModel.find(
        { status: 'completed', completedAt: { $lt: before }, $or: [{ applicantNameEnc: { $ne: null } }, { 'materials.0': { $exists: true } }] },
        { materials: 1 },
      )
        .limit(BATCH)
        .lean();
      for (const application of expired) files += await forget(application, now);
      cases += expired.length;
      if (expired.length < BATCH) break;
    }
    return { cases, files };
  },
};

/**
 * Clears a case's applicant name and file list, then lets go of the files it held (one kept in
 * the citizen's material library stays); the list is cleared first, guarded by the files it
 * had, so two runs never release the same file twice. Returns the number of files.
 */
async function forget(application: { _id: unknown; materials: { fileId: ObjectId }[] }, now: Date): Promise<number> {
  const fileIds = application.materials.map((m) => m.fileId);
  const sameFiles = fileIds.length ? { 'materials.fileId': { $all: fileIds } } : {};
  const guard = { status: 'completed', ...sameFiles, materials: { $size: fileIds.length } };
  const cleared = await updateApplication(String(application._id), guard, { $set: { applicantNameEnc: null, materials: [] } }, now);
  if (!cleared) return 0;
  for (const fileId of fileIds) await releaseFile(fileId);
  return fileIds.length;
}
