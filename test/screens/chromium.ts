// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fd 3 in, fd 4 out,
// NUL-separated JSON), enough to open a page, evaluate expressions in it, size its viewport and
// take screenshots.
import type { AnyJson } from '../helpers/app.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  /** Sends one DevTools Protocol command to the page's session and returns its result. */
  cdp(method: string, params?: object): Promise<AnyJson>;
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
    const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
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
    cdp: (method, params = {}) => send(method, params, sessionId),
    async close() {
      await send('Browser.close').catch(() => {});
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Lays the page out at `width`×`height` CSS pixels, scale 1, as a display of that size. */
export async function setViewport(page: Browser, width: number, height: number): Promise<void> {
  await page.cdp('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
}

/** Writes a PNG of the page's viewport to `file` (its folder is created); returns the path. */
export async function captureScreenshot(page: Browser, file: string): Promise<string> {
  const { data } = await page.cdp('Page.captureScreenshot', { format: 'png' });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(data as string, 'base64'));
  return file;
}

/** A page that can also be typed into: real key events, as a clerk's keyboard or a scanner sends them. */
export interface InputPage extends Browser {
  /** Types `text` into the focused element (Input.insertText). */
  type(text: string): Promise<void>;
  /** Presses one key (`Enter`, `Tab`, `Escape`) on the focused element, keyDown then keyUp. */
  press(key: 'Enter' | 'Tab' | 'Escape'): Promise<void>;
  /** Focuses the element `selector` matches (fails when none does). */
  focus(selector: string): Promise<void>;
  /** Writes a PNG screenshot of the viewport. */
  screenshot(file: string): Promise<void>;
}

const KEYS = {
  Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
  Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 },
  Escape: { key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 },
} as const;

/** Opens `url` laid out at `width`×`height` (a 1366×768 window PC by default) with keyboard input. */
export async function openInputPage(url: string, viewport = { width: 1366, height: 768 }): Promise<InputPage> {
  const page = await openPage('about:blank');
  await setViewport(page, viewport.width, viewport.height);
  await page.cdp('Page.navigate', { url });
  return {
    ...page,
    async type(text) {
      await page.cdp('Input.insertText', { text });
    },
    async press(key) {
      const spec = KEYS[key];
      await page.cdp('Input.dispatchKeyEvent', { type: 'keyDown', ...spec });
      await page.cdp('Input.dispatchKeyEvent', { type: 'keyUp', key: spec.key, code: spec.code, windowsVirtualKeyCode: spec.windowsVirtualKeyCode });
    },
    async focus(selector) {
      const found = await page.evaluate<boolean>(
        `(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return false; e.focus(); return true; })()`,
      );
      if (!found) throw new Error(`no element matches ${selector}`);
    },
    async screenshot(file) {
      await captureScreenshot(page, file);
    },
  };
}
