// Shared pieces of the benchmarks: a bounded closed-loop load generator over HTTP on
// loopback, percentiles, and writing results to bench/results/<name>.json.
import type { AppState } from '../server/state.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import { Worker } from 'node:worker_threads';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadResult {
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

/**
 * GET load from a worker thread: `total` requests over `urls` (round robin, optional
 * per-request headers) with `concurrency` connections in flight.
 */
export async function runGetLoad(urls: string[], total: number, concurrency: number, headers?: Record<string, string>[]): Promise<LoadResult> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { urls, total, concurrency, headers } });
  const { seconds, latencies, statuses } = await new Promise<{ seconds: number; latencies: number[]; statuses: Record<number, number> }>(
    (resolve, reject) => (worker.once('message', resolve), worker.once('error', reject)),
  );
  await worker.terminate();
  return { requests: total, seconds: round(seconds), throughput: round(total / seconds), ...percentiles(latencies), statuses };
}

/** Runs `total` requests with `concurrency` workers in this thread; `next(i)` gives each request. */
export async function runLoad(total: number, concurrency: number, next: (index: number) => { url: string; init?: RequestInit }): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < total) {
      const { url, init } = next(issued++);
      const t0 = performance.now();
      const response = await fetch(url, init);
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { requests: total, seconds: round(seconds), throughput: round(total / seconds), ...percentiles(latencies), statuses };
}

export function percentiles(latencies: number[]): { p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50: at(0.5), p99: at(0.99) };
}

export const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The URI benchmarks use: on a local SecantusDB, without retryable writes. SecantusDB 0.7.0b3
 * keeps each retryable write's reply for 30 minutes, and every write walks all of them (and,
 * past 10,000, sorts them): measured with py-spy, a guarded $inc took 0.8 ms of server time on a
 * fresh server, 2 ms after 7,000 writes and 8 ms after 20,000, and 0.7 ms throughout without
 * them, so a benchmark's figures depended on how many writes came before it. Tests and
 * `npm start` keep the driver's default: under load a heartbeat that times out clears the pool
 * and cuts off writes in flight, and the driver's retry is what saves them (seen once in CI).
 */
export function withoutRetryableWritesOnSecantus(uri: string, kind: string | undefined): string {
  if (kind !== 'secantusdb') return uri;
  const url = new URL(uri);
  url.searchParams.set('retryWrites', 'false');
  return url.toString();
}

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

/**
 * The CPU time (ms) the local database server has used so far, read from /proc; null when it is
 * not ours to read (a MONGODB_URI, or not Linux). The difference over a phase is the database
 * work the phase cost: a server that uses one core (SecantusDB runs its commands under Python's
 * GIL) cannot go faster than its CPU time per request allows.
 */
export function databaseCpuMs(): number | null {
  const pid = process.env.ONETRIP_TEST_DB_PID;
  if (!pid) return null;
  try {
    // After the command name (in parentheses, and it may hold any character) come the fields
    // from `state` on: utime and stime are the 12th and 13th of them.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

/** The database CPU time `run` cost, with what it answered. */
export async function withDatabaseCpu<T>(run: () => Promise<T>): Promise<{ result: T; databaseCpuMs: number | null }> {
  const before = databaseCpuMs();
  const result = await run();
  const after = databaseCpuMs();
  return { result, databaseCpuMs: before === null || after === null ? null : after - before };
}

/** Listens on an ephemeral loopback port; returns the base URL and a close function. */
export async function listen(app: Koa<AppState>): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Prints the figures and writes them to bench/results/<name>.json. */
export function report(name: string, figures: Record<string, unknown>): void {
  const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'results');
  mkdirSync(dir, { recursive: true });
  const body = { name, at: new Date().toISOString(), node: process.version, db: process.env.ONETRIP_TEST_DB_KIND ?? 'unknown', ...figures };
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
  console.log(JSON.stringify(body, null, 2));
}

/** True when this module is the entry point (bench files run alone or from bench/index.ts). */
export const isMain = (metaUrl: string) => process.argv[1] && new URL(metaUrl).pathname === path.resolve(process.argv[1]);

/**
 * Runs the benchmark file `metaUrl` again as a child with `env` set (it seeds the database when it
 * sees it), and waits for it: the seeding's memory is then not counted in this process's RSS.
 */
export async function seedInChild(metaUrl: string, env: Record<string, string>): Promise<void> {
  await runInChild(metaUrl, env);
}

/** Runs the benchmark file `metaUrl` as a child with `env` set; answers what it printed on stdout. */
export async function runInChild(metaUrl: string, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(metaUrl)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${path.basename(fileURLToPath(metaUrl))} child failed (exit ${String(code)})`);
  return out;
}
