// Job coordination and the run log admins read. `job_locks` holds two kinds of documents:
// one per tick (`_id` = `job:tickISO`; inserting it decides which instance has the tick) and
// one per job (`_id` = job name; its lease, taken by a guarded update, keeps a slow run from
// being overlapped). Both kinds and the run log expire through TTL indexes on `expiresAt`.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const jobLockSchema = new Schema(
  {
    _id: { type: String, required: true }, // `${job}:${tickISO}` for a tick, `${job}` for the lease
    job: { type: String, required: true },
    holder: { type: String, required: true },
    createdAt: { type: Date, required: true },
    /** Lease document only: the tick being run, until when it is held, and when it was given back. */
    tick: { type: Date, default: null },
    leaseUntil: { type: Date, default: null },
    releasedAt: { type: Date, default: null },
    expiresAt: { type: Date, required: true, expires: 0 },
  },
  { versionKey: false },
);

const jobRunSchema = new Schema(
  {
    job: { type: String, required: true },
    tick: { type: Date, required: true },
    instance: { type: String, required: true },
    startedAt: { type: Date, required: true, index: true },
    finishedAt: { type: Date, default: null },
    outcome: { type: String, enum: ['running', 'ok', 'failed'], required: true },
    counts: { type: Schema.Types.Mixed, default: {} },
    error: { type: String, default: '' },
    expiresAt: { type: Date, required: true, expires: 0 },
  },
  { versionKey: false },
);
jobRunSchema.index({ job: 1, startedAt: -1 });
jobRunSchema.index({ job: 1, tick: 1 });

export type JobRun = InferSchemaType<typeof jobRunSchema>;
export const JobLockModel = mongoose.model('JobLock', jobLockSchema, 'job_locks');
export const JobRunModel = mongoose.model('JobRun', jobRunSchema, 'job_runs');
