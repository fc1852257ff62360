// One-off, idempotent: gives every application of earlier versions its `departments` list (its
// one department), which the staff work queue now reads so that a bundle (一件事) shows in the
// queue of every department with a part. Run once, before starting this version:
//   MONGODB_URI=… npx tsx scripts/migrate-application-departments.ts
import { pathToFileURL } from 'node:url';
import type { Db, ObjectId } from 'mongodb';
import mongoose from 'mongoose';
import { config } from '../server/config.ts';

const BATCH = 1000;

/** Sets `departments: [department]` where it is missing or empty; answers how many changed. */
export async function migrateApplicationDepartments(db: Db): Promise<{ applications: number }> {
  const applications = db.collection<{ _id: ObjectId; department?: string | null; departments?: string[] }>('applications');
  const without = { department: { $type: 'string' as const }, $or: [{ departments: { $exists: false } }, { departments: { $size: 0 } }] };
  let changed = 0;
  for (;;) {
    const batch = await applications
      .find(without, { projection: { department: 1 } })
      .limit(BATCH)
      .toArray();
    if (batch.length === 0) return { applications: changed };
    const result = await applications.bulkWrite(
      batch.map((a) => ({ updateOne: { filter: { _id: a._id, ...without }, update: { $set: { departments: [a.department!] } } } })),
      { ordered: false },
    );
    changed += result.modifiedCount;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!config.MONGODB_URI) {
    console.error('MONGODB_URI is required');
    process.exit(2);
  }
  const connection = await mongoose.connect(config.MONGODB_URI, { dbName: config.MONGODB_DB });
  console.log(JSON.stringify(await migrateApplicationDepartments(connection.connection.db!)));
  await mongoose.disconnect();
}
