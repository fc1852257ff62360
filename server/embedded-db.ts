// Finds or starts a local MongoDB-protocol server when no MONGODB_URI is given:
// first a mongod through mongodb-memory-server, then a FerretDB binary (SQLite backend).
// Used by `npm start` (persistent, under ./data) and by the test harness (throwaway).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import path from 'node:path';

export interface LocalMongo {
  uri: string;
  kind: 'mongodb-memory-server' | 'ferretdb';
  stop(): Promise<void>;
}

interface StartOptions {
  /** Where data lives; for FerretDB the SQLite files go under `<dataDir>/ferretdb`. */
  dataDir: string;
  /** Keep the data between runs (npm start) or throw it away (tests). */
  persistent: boolean;
  log?: (message: string) => void;
}

const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const MONGOD_TIMEOUT_MS = 30_000;

/** Starts the best local server this machine can offer, or throws saying what to do. */
export async function startLocalMongo(options: StartOptions): Promise<LocalMongo> {
  const log = options.log ?? (() => {});
  try {
    return await withTimeout(startMemoryServer(options), MONGOD_TIMEOUT_MS, 'mongod did not start in time');
  } catch (error) {
    log(`no mongod available (${firstLine(error)}); trying FerretDB`);
  }
  const binary = findFerretdb();
  if (!binary) {
    throw new Error(
      'No MongoDB-protocol server is available. Either set MONGODB_URI to a MongoDB you run, ' +
        'or build FerretDB once with `npm run testdb:build` (needs Go), or install mongod.',
    );
  }
  return startFerretdb(binary, options);
}

async function startMemoryServer(options: StartOptions): Promise<LocalMongo> {
  const { MongoMemoryServer } = await import('mongodb-memory-server');
  const dbPath = path.join(options.dataDir, 'mongod');
  mkdirSync(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({
    instance: options.persistent ? { dbPath, storageEngine: 'wiredTiger', ip: '127.0.0.1' } : { ip: '127.0.0.1' },
  });
  return { uri: server.getUri(), kind: 'mongodb-memory-server', stop: async () => void (await server.stop()) };
}

/** The project's own build (scripts/build-ferretdb.sh) first, then one on PATH. */
export function findFerretdb(): string | undefined {
  const candidates = [path.join(projectRoot, '.cache/ferretdb/bin/ferretdb')];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) candidates.push(path.join(dir, 'ferretdb'));
  return candidates.find((candidate) => existsSync(candidate));
}

async function startFerretdb(binary: string, options: StartOptions): Promise<LocalMongo> {
  const dir = options.persistent
    ? path.join(options.dataDir, 'ferretdb')
    : path.join(options.dataDir, `ferretdb-${process.pid}-${Date.now()}`);
  return startFerretdbAt(binary, dir, await freePort());
}

/** Starts FerretDB on 127.0.0.1:`port` with its SQLite files in `dir` (restartable on the same data). */
export async function startFerretdbAt(binary: string, dir: string, port: number): Promise<LocalMongo> {
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
      `--state-dir=${dir}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitForPort(port, child);
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    kind: 'ferretdb',
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
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
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ferretdb exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`ferretdb did not listen on 127.0.0.1:${port} within 20 s`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
