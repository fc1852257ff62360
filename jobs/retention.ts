// Retention: for cases completed more than RETENTION_DAYS ago, removes the uploaded material
// files (GridFS bucket `materials`) and clears the applicant's name. The case record stays.
import { GridFSBucket, type ObjectId } from 'mongodb';
import mongoose from 'mongoose';
import { ApplicationModel } from '../models/application.ts';
import { config } from '../server/config.ts';
import { updateApplication } from '../services/applications/write.ts';
import type { Job } from './types.ts';

const BATCH = 500;
const MAX_BATCHES = 20;
const DAY_MS = 86_400_000;
export const MATERIALS_BUCKET = 'materials';

export const retentionJob: Job = {
  name: 'retention',
  schedule: '40 2 * * *',
  async run(now) {
    const before = new Date(now.getTime() - config.RETENTION_DAYS * DAY_MS);
    const bucket = new GridFSBucket(mongoose.connection.db!, { bucketName: MATERIALS_BUCKET });
    let cases = 0;
    let files = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const expired = await ApplicationModel.find(
        { status: 'completed', completedAt: { $lt: before }, $or: [{ applicantNameEnc: { $ne: null } }, { 'materials.0': { $exists: true } }] },
        { materials: 1 },
      )
        .limit(BATCH)
        .lean();
      for (const application of expired) files += await forget(bucket, application, now);
      cases += expired.length;
      if (expired.length < BATCH) break;
    }
    return { cases, files };
  },
};

/** Deletes a case's files and clears its applicant name; returns the number of files. */
async function forget(bucket: GridFSBucket, application: { _id: unknown; materials: { fileId: ObjectId }[] }, now: Date): Promise<number> {
  for (const material of application.materials) {
    await bucket.delete(material.fileId).catch((error: unknown) => {
      // A file already gone is what we want.
      if (!/not found|FileNotFound/i.test(String(error))) throw error;
    });
  }
  await updateApplication(String(application._id), { status: 'completed' }, { $set: { applicantNameEnc: null, materials: [] } }, now);
  return application.materials.length;
}
