// Schedules every job with node-cron in TZ_NAME, each tick claimed through the Mongo
// coordinator so that one instance of many runs it, and logs each run.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import { JobRunModel } from '../models/job-lock.ts';
import { logger } from '../server/logger.ts';
import { claimTick, mongoRunCoordinator, releaseTick } from './lock.ts';
import type { Job } from './types.ts';

const LEASE_MS = 10 * 60_000;
/** How long run-log entries are kept unless the job says otherwise (removed by a TTL index). */
const KEEP_RUNS_MS = 90 * 24 * 3600_000;

/** This process's name in locks and run logs. */
export const instanceId = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

/** Runs `job` for `tick` unless another instance already claimed that tick. */
export async function runJobTick(job: Job, tick: Date, holder = instanceId): Promise<'ran' | 'skipped' | 'failed'> {
  const key = `${job.name}:${tick.toISOString()}`;
  if (!(await claimTick(key, holder, job.leaseMs ?? LEASE_MS))) return 'skipped';
  const outcome = await executeJob(job, tick, holder);
  await releaseTick(key);
  return outcome;
}

/** Runs a job body (already claimed) and writes its run-log entry. */
async function executeJob(job: Job, tick: Date, holder: string): Promise<'ran' | 'failed'> {
  const startedAt = new Date();
  const expiresAt = new Date(startedAt.getTime() + (job.keepRunsMs ?? KEEP_RUNS_MS));
  const run = await JobRunModel.create({ job: job.name, tick, instance: holder, startedAt, outcome: 'running', expiresAt });
  try {
    const counts = await job.run(tick);
    await JobRunModel.updateOne({ _id: run._id }, { $set: { finishedAt: new Date(), outcome: 'ok', counts } });
    logger.info({ job: job.name, tick, counts }, 'job finished');
    return 'ran';
  } catch (error) {
    await JobRunModel.updateOne({ _id: run._id }, { $set: { finishedAt: new Date(), outcome: 'failed', error: String(error) } });
    logger.error({ job: job.name, tick, err: error }, 'job failed');
    return 'failed';
  }
}

/** Starts every job; returns a function that stops them and waits for running ones. */
export function startJobs(jobs: readonly Job[], timezone: string): () => Promise<void> {
  const coordinator = mongoRunCoordinator(instanceId);
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(job.schedule, async (context) => void (await executeJob(job, context.date, instanceId)), {
      name: job.name,
      timezone,
      noOverlap: true,
      distributed: true,
      runCoordinator: coordinator,
      distributedLease: job.leaseMs ?? LEASE_MS,
    }),
  );
  return async () => {
    await Promise.all(tasks.map((task) => task.stop()));
    // A tick already claimed runs to its end and gives its lease back before the process exits.
    const deadline = Date.now() + 10_000;
    while (coordinator.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(tasks.map((task) => task.destroy()));
  };
}
