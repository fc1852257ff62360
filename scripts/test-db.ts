// Runs a command (the tests, the benchmarks) against a real MongoDB-protocol server found
// in this order: MONGODB_URI; a mongod through mongodb-memory-server (a single-node replica set);
// SecantusDB (installed by scripts/install-secantusdb.sh). The server is exported to the command
// as MONGODB_URI, a local one's process id as ONETRIP_TEST_DB_PID (benchmarks read its CPU time).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { startLocalMongo, type LocalMongo } from '../server/embedded-db.ts';

const separator = process.argv.indexOf('--');
const command = process.argv.slice(separator + 1);
if (separator < 0 || command.length === 0) {
  console.error('usage: tsx scripts/test-db.ts -- <command> [args…]');
  process.exit(2);
}

let local: LocalMongo | undefined;
let uri = process.env.MONGODB_URI;
const scratch = path.join(os.tmpdir(), `onetrip-testdb-${process.pid}`);
if (uri) {
  console.log(`[test-db] using MONGODB_URI`);
} else {
  local = await startLocalMongo({ dataDir: scratch, persistent: false, log: (m) => console.log(`[test-db] ${m}`) });
  uri = local.uri;
  console.log(`[test-db] started ${local.kind} at ${uri}`);
}

const child = spawn(command[0]!, command.slice(1), {
  stdio: 'inherit',
  env: {
    ...process.env,
    MONGODB_URI: uri,
    ONETRIP_TEST_DB_KIND: local?.kind ?? 'external',
    // Never one inherited from elsewhere: with MONGODB_URI there is no local server to measure.
    ONETRIP_TEST_DB_PID: local?.pid ? String(local.pid) : undefined,
  },
});
const code: number = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await local?.stop();
rmSync(scratch, { recursive: true, force: true });
process.exit(code);
