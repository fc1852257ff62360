// At-most-once claims of job ticks (`_id` = job name + tick) and the run log admins read.
// Neither has a TTL index (FerretDB has none): the lock-cleanup job removes old entries.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const jobLockSchema = new Schema(
  {
    _id: { type: String, required: true }, // `${job}:${tickISO}`
    job: { type: String, required: true },
    holder: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    createdAt: { type: Date, required: true, index: true },
    finishedAt: { type: Date, default: null },
    /** Why a claim ended without a normal run: 'overlap' (an earlier run held the lease) or 'expired' (its holder died). */
    outcome: { type: String, default: null },
  },
  { versionKey: false },
);
jobLockSchema.index({ job: 1, finishedAt: 1 });

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
  },
  { versionKey: false },
);
jobRunSchema.index({ job: 1, startedAt: -1 });
jobRunSchema.index({ job: 1, tick: 1 });

export type JobRun = InferSchemaType<typeof jobRunSchema>;
export const JobLockModel = mongoose.model('JobLock', jobLockSchema, 'job_locks');
export const JobRunModel = mongoose.model('JobRun', jobRunSchema, 'job_runs');
