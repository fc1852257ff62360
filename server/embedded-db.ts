// Finds or starts a local MongoDB-protocol server when no MONGODB_URI is given: first a mongod
// through mongodb-memory-server (a single-node replica set, so transactions and change streams
// work), then SecantusDB (installed by scripts/install-secantusdb.sh into .cache/). Used by
// `npm start` (persistent, under DATA_DIR), the tests and the benchmarks (throwaway).
// FerretDB v1 is deliberately not among them: its conditional updates are not atomic.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

export type LocalMongoKind = 'mongodb-memory-server' | 'secantusdb';

export interface LocalMongo {
  uri: string;
  kind: LocalMongoKind;
  /** The server's process id, so benchmarks can read the CPU time it spent (bench/lib.ts). */
  pid: number | undefined;
  stop(): Promise<void>;
}

interface StartOptions {
  /** Where data lives: `<dataDir>/mongod` or `<dataDir>/secantusdb`. */
  dataDir: string;
  /** Keep the data between runs (npm start) or throw it away (tests, benchmarks). */
  persistent: boolean;
  log?: (message: string) => void;
}

const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cacheDir = path.join(projectRoot, '.cache');
/** Where a failed mongod download is remembered, so the next start does not wait for it again. */
const mongodFailureFile = path.join(cacheDir, 'mongod-unavailable.json');
const MONGOD_RETRY_AFTER_MS = 24 * 3600_000;
const MONGOD_TIMEOUT_MS = 30_000;
const SECANTUS_READY_MS = 30_000;

/** Starts the best local server this machine can offer, or throws saying what to do. */
export async function startLocalMongo(options: StartOptions): Promise<LocalMongo> {
  const log = options.log ?? (() => {});
  const skipReason = recentMongodFailure();
  if (skipReason) {
    log(`mongod skipped: it could not be had ${skipReason} (delete ${path.relative(projectRoot, mongodFailureFile)} to try again)`);
  } else {
    try {
      return await withTimeout(startMemoryReplSet(options), MONGOD_TIMEOUT_MS, 'mongod did not start in time');
    } catch (error) {
      rememberMongodFailure(firstLine(error));
      log(`no mongod available (${firstLine(error)}); using SecantusDB`);
    }
  }
  return startSecantus(options, log);
}

async function startMemoryReplSet(options: StartOptions): Promise<LocalMongo> {
  const { MongoMemoryReplSet } = await import('mongodb-memory-server');
  // It prints a whole stack trace to console.warn when the download fails; the caller logs
  // the one line that matters instead.
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await createReplSet(MongoMemoryReplSet, options);
  } finally {
    console.warn = warn;
  }
}

async function createReplSet(MongoMemoryReplSet: typeof import('mongodb-memory-server').MongoMemoryReplSet, options: StartOptions): Promise<LocalMongo> {
  const dbPath = path.join(options.dataDir, 'mongod');
  if (options.persistent) mkdirSync(dbPath, { recursive: true });
  const replSet = await MongoMemoryReplSet.create({
    replSet: { count: 1, ip: '127.0.0.1', storageEngine: 'wiredTiger' },
    instanceOpts: options.persistent ? [{ dbPath }] : [],
  });
  await replSet.waitUntilRunning();
  return {
    uri: replSet.getUri(),
    kind: 'mongodb-memory-server',
    pid: replSet.servers[0]?.instanceInfo?.instance.mongodProcess?.pid,
    stop: async () => void (await replSet.stop({ doCleanup: !options.persistent })),
  };
}

function recentMongodFailure(): string | undefined {
  if (!existsSync(mongodFailureFile)) return undefined;
  try {
    const { at, reason } = JSON.parse(readFileSync(mongodFailureFile, 'utf8')) as { at: string; reason: string };
    const age = Date.now() - Date.parse(at);
    if (!(age >= 0 && age <= MONGOD_RETRY_AFTER_MS)) return undefined; // old, or from a clock that has since moved back
    return `at ${at}: ${reason}`;
  } catch {
    return undefined;
  }
}

function rememberMongodFailure(reason: string): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(mongodFailureFile, JSON.stringify({ at: new Date().toISOString(), reason }));
}

/** The SecantusDB launcher, installing it first (pip, into .cache/) when it is missing. */
export async function secantusBinary(log: (message: string) => void): Promise<string> {
  const binary = path.join(cacheDir, 'secantusdb/bin/secantusd-py');
  if (existsSync(binary)) return binary;
  log('installing SecantusDB into .cache/secantusdb (once)');
  try {
    await promisify(execFile)('bash', [path.join(projectRoot, 'scripts/install-secantusdb.sh')], { cwd: projectRoot });
  } catch (error) {
    throw new Error(
      `No MongoDB-protocol server is available: no mongod could be had, and SecantusDB could not be installed (${firstLine(error)}). ` +
        'Set MONGODB_URI to a MongoDB you run, or run scripts/install-secantusdb.sh (needs Python >= 3.10 and PyPI).',
      { cause: error },
    );
  }
  return binary;
}

async function startSecantus(options: StartOptions, log: (message: string) => void): Promise<LocalMongo> {
  const binary = await secantusBinary(log);
  const storage = options.persistent ? path.join(options.dataDir, 'secantusdb') : ':memory:';
  if (options.persistent) mkdirSync(storage, { recursive: true });
  return startSecantusAt(binary, storage, await freePort());
}

/** Starts SecantusDB on 127.0.0.1:`port` with its WiredTiger home at `storage` (or `:memory:`). */
export async function startSecantusAt(binary: string, storage: string, port: number): Promise<LocalMongo> {
  const child = spawn(binary, ['--host', '127.0.0.1', '--port', String(port), '--storage-path', storage, '--log-level', 'WARNING'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: serverEnv(),
  });
  await waitForPort(port, child);
  return { uri: `mongodb://127.0.0.1:${port}/?directConnection=true`, kind: 'secantusdb', pid: child.pid, stop: () => stopChild(child) };
}

/**
 * The database server's environment. Under libfaketime (the other-year test run) the server
 * keeps the faked wall clock but not FAKETIME_DONT_FAKE_MONOTONIC: with it set, Python's
 * time.sleep fails with EINVAL, and the server's write-conflict retries and TTL sweeps sleep.
 */
function serverEnv(): NodeJS.ProcessEnv {
  const { FAKETIME_DONT_FAKE_MONOTONIC: _keptForNode, ...env } = process.env;
  return env;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(killer), resolve()));
    child.kill('SIGTERM');
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + SECANTUS_READY_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`secantusd exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`secantusd did not listen on 127.0.0.1:${port} within ${SECANTUS_READY_MS / 1000} s`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
