// Starts the real app on port 0 against a database of its own (one per test file), and a
// small fetch-based client that speaks the API like the mini-program does.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { createApp } from '../../server/app.ts';
import { createCaches, type Caches } from '../../server/caches.ts';
import { answerClientErrors } from '../../server/client-errors.ts';
import { connectDatabase } from '../../server/db.ts';
import { markCatalogueChanged } from '../../services/catalogue/store.ts';

/**
 * Tests read answers as untyped JSON and assert on them field by field; the answer-check
 * middleware holds every answer to its declared schema, so the type here adds nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyJson = any;

export interface ApiResponse<T = AnyJson> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** Send this exact text as the body (for malformed-JSON tests). */
  rawBody?: string | Buffer | FormData;
}

export interface TestApp {
  baseUrl: string;
  dbName: string;
  /** The app's in-memory caches (tests refresh them after running a job by hand). */
  caches: Caches;
  request<T = AnyJson>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/** A unique database name for this test file. */
export function testDbName(prefix = 'test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Connects to MONGODB_URI (set by scripts/test-db.ts) with a fresh database. */
export async function connectTestDatabase(dbName = testDbName()): Promise<string> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run tests with `npm test` (scripts/test-db.ts finds a server)');
  await connectDatabase(uri, dbName);
  return dbName;
}

/** The caches of this test file's app (each test file runs in a process of its own). */
let fileCaches: Caches | undefined;

/** Creates and starts this file's caches (startTestApp does; a test building its own app calls it). */
export async function startTestCaches(): Promise<Caches> {
  const caches = createCaches();
  await caches.start();
  fileCaches = caches;
  return caches;
}

/** This file's started caches. */
export function testCaches(): Caches {
  if (!fileCaches) throw new Error('no test caches: call startTestApp() or startTestCaches() first');
  return fileCaches;
}

/**
 * After a factory wrote the catalogue directly: marks it changed, as any writer does, and
 * reloads this file's catalogue at once (instead of within CATALOGUE_REFRESH_MS).
 */
export async function catalogueWritten(): Promise<void> {
  if (fileCaches) await fileCaches.catalogue.changed();
  else await markCatalogueChanged();
}

/**
 * Starts the app; `clock` fixes every request's "now" (default: the real clock). Every answer is
 * checked against its route's declared schema (server/middleware/check-answers.ts): one that
 * does not match comes back as a 500 ANSWER_MISMATCH.
 */
export async function startTestApp(options: { clock?: () => Date } = {}): Promise<TestApp> {
  const dbName = await connectTestDatabase();
  const caches = await startTestCaches();
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ ...options, caches, checkAnswers: true }).listen(0, '127.0.0.1', () => resolve(s));
    answerClientErrors(s);
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    dbName,
    caches,
    request: (method, path, options) => apiRequest(baseUrl, method, path, options),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      caches.stop();
      if (fileCaches === caches) fileCaches = undefined;
      await mongoose.connection.dropDatabase().catch(() => {});
      await mongoose.disconnect();
    },
  };
}

/** One HTTP request; JSON in and out. */
export async function apiRequest<T = AnyJson>(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | Buffer | FormData | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}
