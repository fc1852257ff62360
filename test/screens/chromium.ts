// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fd 3 in, fd 4 out,
// NUL-separated JSON), enough to open a page and evaluate expressions in it.
import type { AnyJson } from '../helpers/app.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export interface Browser {
  /** Evaluates `expression` in the page and returns its value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Evaluates until the value is truthy (or gives up after `timeoutMs`); returns the last value. */
  waitFor<T = unknown>(expression: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export async function openPage(url: string): Promise<Browser> {
  if (!CHROMIUM) throw new Error('chromium is not installed (apt-get install -y chromium)');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'onetrip-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      '--window-size=1920,1080',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: AnyJson) => void; reject: (e: Error) => void }>();
  let buffer = '';
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const waiter = message.id ? pending.get(message.id) : undefined;
      if (!waiter) continue;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(JSON.stringify(message.error)));
      else waiter.resolve(message.result);
    }
  });
  const send = (method: string, params: object = {}, sessionId?: string): Promise<AnyJson> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  const { targetId } = await send('Target.createTarget', { url });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
    if (exceptionDetails) throw new Error(`page error: ${JSON.stringify(exceptionDetails)}`);
    return result.value as T;
  };
  return {
    evaluate,
    async waitFor<T>(expression: string, timeoutMs = 20_000): Promise<T> {
      const until = Date.now() + timeoutMs;
      // While the page is still navigating it has no context to evaluate in: try again.
      const attempt = () => evaluate<T>(expression).catch(() => undefined as T);
      let value = await attempt();
      while (!value && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        value = await attempt();
      }
      return value;
    },
    async close() {
      await send('Browser.close').catch(() => {});
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
