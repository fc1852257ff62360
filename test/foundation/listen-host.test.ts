// The server listens on HOST:PORT only: started on 127.0.0.2 it answers there and not on
// 127.0.0.1 (both loopback addresses of this machine).
import test from 'ava';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from '../../server/embedded-db.ts';

const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (r) => r.ok,
    () => false,
  );

async function waitFor(url: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await answers(url)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

test('server › HOST=127.0.0.2 › listens there and not on 127.0.0.1', async (t) => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.2',
      PORT: String(port),
      MONGODB_DB: `host_${randomBytes(4).toString('hex')}`,
      JOBS_ENABLED: 'false',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  t.teardown(async () => {
    child.kill('SIGTERM');
    await exited;
  });
  t.true(await waitFor(`http://127.0.0.2:${port}/healthz`, 60_000), `server came up: ${output.slice(-500)}`);
  t.false(await answers(`http://127.0.0.1:${port}/healthz`), 'nothing listens on 127.0.0.1');
  t.regex(output, /"host":"127\.0\.0\.2".*OneTrip listening/);
});
