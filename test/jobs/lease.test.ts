import test from 'ava';
import { runJobTick } from '../../jobs/runner.ts';
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

test('runJobTick › a tick claimed by one holder is skipped by the others', async (t) => {
  const job = countingJob();
  const tick = new Date('2026-03-02T01:00:00Z');
  const outcomes = await Promise.all(['a', 'b', 'c'].map((holder) => runJobTick(job, tick, holder)));
  t.deepEqual(outcomes.sort(), ['ran', 'skipped', 'skipped']);
  t.is(job.runs.length, 1);
  t.is(await JobRunModel.countDocuments({ job: job.name }), 1);
});

test('runJobTick › while a run holds an unexpired lease the next tick does not overlap it', async (t) => {
  const job = countingJob();
  const now = new Date();
  await JobLockModel.create({ _id: `${job.name}:${new Date(now.getTime() - 60_000).toISOString()}`, job: job.name, holder: 'slow', leaseUntil: new Date(now.getTime() + 60_000), createdAt: now });
  t.is(await runJobTick(job, now, 'next'), 'skipped');
  t.is(job.runs.length, 0);
});

test('runJobTick › a crashed holder\'s lease expires: the next tick runs and the dead run is logged as failed', async (t) => {
  const job = countingJob();
  const crashedTick = new Date(Date.now() - 120_000);
  await JobLockModel.create({ _id: `${job.name}:${crashedTick.toISOString()}`, job: job.name, holder: 'crashed', leaseUntil: new Date(Date.now() - 1000), createdAt: crashedTick });
  await JobRunModel.create({ job: job.name, tick: crashedTick, instance: 'crashed', startedAt: crashedTick, outcome: 'running' });
  t.is(await runJobTick(job, new Date(), 'survivor'), 'ran');
  t.is(job.runs.length, 1);
  const dead = await JobRunModel.findOne({ job: job.name, instance: 'crashed' }).lean();
  t.is(dead?.outcome, 'failed');
  t.regex(dead?.error ?? '', /lease expired/);
});

test('runJobTick › a failing job is logged as failed with its error', async (t) => {
  const job: Job = { name: `test-${suffix().toLowerCase()}`, schedule: '* * * * *', run: async () => { throw new Error('boom'); } };
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
