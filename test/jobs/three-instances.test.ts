// Three real OneTrip processes (server/index.ts) on one database, plus a fourth with
// JOBS_ENABLED=false: every tick of the every-second screen job runs exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import test from 'ava';
import mongoose from 'mongoose';
import { JobLockModel, JobRunModel } from '../../models/job-lock.ts';
import { connectTestDatabase, testDbName } from '../helpers/app.ts';

const dbName = testDbName('jobs');
const children: ChildProcess[] = [];

function startInstance(jobsEnabled: boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      MONGODB_DB: dbName,
      PORT: '0',
      JOBS_ENABLED: String(jobsEnabled),
      SCREEN_REFRESH_SECONDS: '1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('OneTrip listening')) resolve(child);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`instance exited with ${code}: ${output.slice(-2000)}`)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.before(async () => {
  await connectTestDatabase(dbName);
});
test.after.always(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await mongoose.connection.dropDatabase().catch(() => {});
  await mongoose.disconnect();
});

test('job runner › three instances on one database run each tick exactly once; JOBS_ENABLED=false runs nothing', async (t) => {
  t.timeout(180_000);
  const running = await Promise.all([startInstance(true), startInstance(true), startInstance(true)]);
  const idle = await startInstance(false);
  const from = new Date(Date.now() + 1000);
  // Watch until three ticks have run (a loaded machine gets through fewer a second: a busy run
  // is not overlapped), at most 60 s; ticks of the last second may still be running, so not counted.
  let to = new Date();
  for (const giveUp = Date.now() + 60_000; Date.now() < giveUp;) {
    await sleep(1000);
    to = new Date(Date.now() - 1000);
    const ticks = await JobRunModel.distinct('tick', { job: 'screen-snapshots', tick: { $gte: from, $lte: to } });
    if (ticks.length >= 3 && Date.now() - from.getTime() >= 6000) break;
  }
  await Promise.all(running.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
  idle.kill('SIGTERM');

  const runs = await JobRunModel.find({ job: 'screen-snapshots', tick: { $gte: from, $lte: to } }).lean();
  const perTick = new Map<number, number>();
  for (const run of runs) perTick.set(run.tick.getTime(), (perTick.get(run.tick.getTime()) ?? 0) + 1);
  // What is checked is "at most once" per tick; how many ticks a loaded machine gets through in
  // the window is not a correctness claim, so the window lasts until a few have run.
  const seconds = Math.floor((to.getTime() - from.getTime()) / 1000);
  t.true(perTick.size >= 2, `ticks seen: ${perTick.size}, seconds: ${seconds}`);
  t.deepEqual([...new Set(perTick.values())], [1], 'no tick ran twice');
  t.true(runs.every((r) => r.outcome === 'ok'));
  const instances = new Set(runs.map((r) => r.instance));
  t.true([...instances].every((id) => running.some((child) => id.includes(`-${child.pid}-`))));
  t.false(
    runs.some((r) => r.instance.includes(`-${idle.pid}-`)),
    'the JOBS_ENABLED=false instance ran nothing',
  );
  // Every run gave its lease back before its instance stopped.
  t.truthy((await JobLockModel.findById('screen-snapshots').lean())?.releasedAt);
  t.log(`${perTick.size} ticks by ${instances.size} instance(s)`);
});
