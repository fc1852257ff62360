import test from 'ava';
import { claimTick } from '../../jobs/lock.ts';
import { runJobTick, startJobs } from '../../jobs/runner.ts';
import type { Job } from '../../jobs/types.ts';
import { JobLockModel, JobRunModel } from '../../models/job-lock.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildStaff, suffix } from '../helpers/factories.ts';

let app: TestApp;
test.before(async () => (app = await startTestApp()));
test.after.always(() => app.close());

function countingJob(leaseMs = 60_000): Job & { runs: Date[] } {
  const runs: Date[] = [];
  return { name: `test-${suffix().toLowerCase()}`, schedule: '* * * * *', leaseMs, runs, run: async (now) => (runs.push(now), { seen: runs.length }) };
}

/** The job's lease as an earlier run of `tick` by `holder` left it: taken, not given back. */
function holdLease(job: string, holder: string, tick: Date, leaseUntil: Date) {
  return JobLockModel.create({ _id: job, job, holder, tick, leaseUntil, createdAt: tick, expiresAt: new Date(Date.now() + 3600_000) });
}

test('runJobTick › a tick claimed by one holder is skipped by the others', async (t) => {
  const job = countingJob();
  const tick = new Date('2026-03-02T01:00:00Z');
  const outcomes = await Promise.all(['a', 'b', 'c'].map((holder) => runJobTick(job, tick, holder)));
  t.deepEqual(outcomes.sort(), ['ran', 'skipped', 'skipped']);
  t.is(job.runs.length, 1);
  t.is(await JobRunModel.countDocuments({ job: job.name }), 1);
  // The lease was given back, so the next tick runs.
  t.is(await runJobTick(job, new Date('2026-03-02T01:01:00Z'), 'b'), 'ran');
});

test('runJobTick › while a run holds an unexpired lease the next tick does not overlap it', async (t) => {
  const job = countingJob();
  const now = new Date();
  await holdLease(job.name, 'slow', new Date(now.getTime() - 60_000), new Date(now.getTime() + 60_000));
  t.is(await runJobTick(job, now, 'next'), 'skipped');
  t.is(job.runs.length, 0);
});

test("runJobTick › a crashed holder's lease expires: the next tick runs and the dead run is logged as failed", async (t) => {
  const job = countingJob();
  const crashedTick = new Date(Date.now() - 120_000);
  await holdLease(job.name, 'crashed', crashedTick, new Date(Date.now() - 1000));
  await JobRunModel.create({
    job: job.name,
    tick: crashedTick,
    instance: 'crashed',
    startedAt: crashedTick,
    outcome: 'running',
    expiresAt: new Date(Date.now() + 3600_000),
  });
  t.is(await runJobTick(job, new Date(), 'survivor'), 'ran');
  t.is(job.runs.length, 1);
  const dead = await JobRunModel.findOne({ job: job.name, instance: 'crashed' }).lean();
  t.is(dead?.outcome, 'failed');
  t.regex(dead?.error ?? '', /lease expired/);
});

test('claimTick › twenty ticks racing for the lease, new or run out › exactly one gets it each time', async (t) => {
  const job = countingJob();
  const race = (now: Date) =>
    Promise.all(Array.from({ length: 20 }, (_, i) => claimTick(`${job.name}:${new Date(now.getTime() - i * 1000).toISOString()}`, `h${i}`, 60_000, now)));
  const first = new Date();
  t.is((await race(first)).filter(Boolean).length, 1);
  t.is((await race(new Date(first.getTime() + 30_000))).filter(Boolean).length, 0, 'the lease is still held');
  t.is((await race(new Date(first.getTime() + 120_000))).filter(Boolean).length, 1);
});

test('runJobTick › a failing job is logged as failed with its error', async (t) => {
  const job: Job = {
    name: `test-${suffix().toLowerCase()}`,
    schedule: '* * * * *',
    run: async () => {
      throw new Error('boom');
    },
  };
  t.is(await runJobTick(job, new Date(), 'x'), 'failed');
  const run = await JobRunModel.findOne({ job: job.name }).lean();
  t.is(run?.outcome, 'failed');
  t.regex(run?.error ?? '', /boom/);
});

test('GET /admin/job-runs › admins read the run log; window staff get 403', async (t) => {
  const job = countingJob();
  await runJobTick(job, new Date('2026-03-02T02:00:00Z'), 'reader-test');
  const admin = await buildStaff('dept_admin', 'D1');
  const res = await app.request('GET', `/api/v1/admin/job-runs?job=${job.name}`, { token: admin.token });
  t.is(res.status, 200);
  t.is(res.body.total, 1);
  t.like(res.body.items[0], { job: job.name, instance: 'reader-test', outcome: 'ok', tick: '2026-03-02T02:00:00.000Z', counts: { seen: 1 } });
  const clerk = await buildStaff('window', 'D1', []);
  t.is((await app.request('GET', '/api/v1/admin/job-runs', { token: clerk.token })).status, 403);
  t.is((await app.request('GET', '/api/v1/admin/job-runs')).status, 401);
});

test('job locks and run log › expire through TTL indexes on expiresAt, no cleanup job', async (t) => {
  for (const model of [JobLockModel, JobRunModel]) {
    const indexes = await model.collection.indexes();
    t.true(
      indexes.some((index) => index.key.expiresAt === 1 && index.expireAfterSeconds === 0),
      model.collection.name,
    );
  }
  const job = countingJob();
  await runJobTick(job, new Date('2026-03-02T03:00:00Z'), 'ttl-test');
  const run = await JobRunModel.findOne({ job: job.name }).lean();
  t.is(run!.expiresAt.getTime() - run!.startedAt.getTime(), 90 * 24 * 3600_000);
});

test('startJobs › stopping while a tick runs waits for it and gives the lease back', async (t) => {
  let finish!: () => void;
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const job: Job = {
    name: `test-${suffix().toLowerCase()}`,
    schedule: '* * * * * *',
    run: async () => {
      started();
      await new Promise<void>((resolve) => (finish = resolve));
      return {};
    },
  };
  const stop = startJobs([job], 'Asia/Shanghai');
  await running;
  let stopped = false;
  const stopping = stop().then(() => (stopped = true));
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.false(stopped, 'stop() waits for the running tick');
  finish();
  await stopping;
  const lease = await JobLockModel.findById(job.name).lean();
  t.truthy(lease?.releasedAt, 'the lease was given back before stop() returned');
  t.is(await JobRunModel.countDocuments({ job: job.name, outcome: 'ok' }), 1);
});
