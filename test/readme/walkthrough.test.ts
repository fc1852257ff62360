// The README's walkthrough, run as written: its ```bash walkthrough block goes to
// `bash -euo pipefail` against a server process started as `npm start` starts it
// (NODE_ENV=development, so the sandbox plays WeChat and WeChat Pay), on the demo data. Then the
// database must hold the citizen's day: booked, completed, paid, rated.
import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { seedAll } from '../../seed/seed.ts';
import { freePort } from '../../server/embedded-db.ts';
import { generateSlots } from '../../services/booking/slot-generation.ts';
import { ApplicationModel } from '../../models/application.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { EvaluationModel } from '../../models/evaluation.ts';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { connectTestDatabase, testDbName } from '../helpers/app.ts';
import { vouchForCurrentYears } from '../helpers/calendar.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BLOCK = /^```bash walkthrough\n([\s\S]*?)^```$/gm;

let server: ChildProcess | undefined;
let serverLog = '';
let baseUrl = '';
let scratch = '';

test.before(async () => {
  const dbName = await connectTestDatabase(testDbName('readme'));
  // What `npm start` does for an empty embedded database: the demo data, then the slots. Slots
  // are dated from the real clock; in a year the holiday package has no data for (CI's
  // other-year run) no slot would open, so the test confirms the years first, as an admin would.
  await seedAll();
  await vouchForCurrentYears();
  await generateSlots(new Date());
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    MONGODB_URI: process.env.MONGODB_URI,
    MONGODB_DB: dbName,
    PORT: String(port),
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  };
  // The defaults a newcomer gets: the sandbox on because it is development, no merchant.
  delete env.WECHAT_SANDBOX;
  delete env.WECHATPAY_MCHID;
  server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk) => (serverLog += chunk));
  server.stderr?.on('data', (chunk) => (serverLog += chunk));
  await waitUntilReady(server, `${baseUrl}/healthz`);
  scratch = await mkdtemp(path.join(os.tmpdir(), 'onetrip-walkthrough-'));
});

test.after.always(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (scratch) await rm(scratch, { recursive: true, force: true });
  await mongoose.connection.dropDatabase().catch(() => {});
  await mongoose.disconnect();
});

test('README › the citizen walkthrough runs as written and leaves the day in the database', async (t) => {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(BLOCK)].map((match) => match[1]!);
  t.is(blocks.length, 1, 'exactly one ```bash walkthrough block');
  const script = path.join(scratch, 'walkthrough.sh');
  await writeFile(script, blocks[0]!);

  const run = await runBash(script, { ...process.env, BASE: baseUrl }, scratch);
  t.is(run.code, 0, `the walkthrough failed:\n${run.output}\n--- server log ---\n${serverLog}`);
  t.log(run.output);

  const citizen = await CitizenModel.findOne({ openid: 'sandbox-zhang' }).lean();
  t.true(citizen?.verified);
  const appointment = await AppointmentModel.findOne({ citizenId: citizen!._id }).lean();
  t.like(appointment, { status: 'booked', itemCode: 'GA-002' });
  const application = await ApplicationModel.findOne({ citizenId: citizen!._id }).lean();
  t.like(application, { itemCode: 'GA-002', status: 'completed', paid: true, onsiteVisits: 1 });
  t.deepEqual(
    application!.history.map((entry) => entry.status),
    ['draft', 'submitted', 'approved', 'accepted', 'completed'],
  );
  t.like(await PaymentOrderModel.findOne({ applicationId: application!._id }).lean(), { status: 'paid', settledBy: 'notify', amountFen: 4000 });
  t.like(await EvaluationModel.findOne({ applicationId: application!._id }).lean(), { score: 5 });
});

/** Resolves once `url` answers 200; rejects if the server exits first or takes over a minute. */
async function waitUntilReady(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${serverLog}`);
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer ${url} within a minute:\n${serverLog}`);
}

function runBash(script: string, env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}
