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

/** Emulates a screen of `width`×`height` CSS pixels, scale 1 (a phone: `mobile`, with touch-sized viewport rules). */
export async function setViewport(page: Browser, width: number, height: number, mobile = false): Promise<void> {
  await page.cdp('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile });
}

/** Opens `url` in the page and waits until it has loaded, web font slices included. */
export async function navigate(page: Browser, url: string): Promise<void> {
  await page.cdp('Page.navigate', { url });
  const loaded = await page.waitFor<boolean>(
    `location.href === ${JSON.stringify(url)} && document.readyState === 'complete' && document.fonts.status === 'loaded'`,
  );
  if (!loaded) throw new Error(`${url} did not load`);
  // Slices of the web font are fetched as layout finds their characters: wait for those too.
  await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => document.fonts.ready.then(() => resolve(true))))`);
}

/** Writes a PNG of the viewport (the whole page with `fullPage`) to `file`, its folder created; returns the path. */
export async function captureScreenshot(page: Browser, file: string, fullPage = false): Promise<string> {
  const { data } = await page.cdp('Page.captureScreenshot', { format: 'png', captureBeyondViewport: fullPage });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(data as string, 'base64'));
  return file;
}

const KEYS = {
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Tab: { code: 'Tab', keyCode: 9, text: undefined },
  Escape: { code: 'Escape', keyCode: 27, text: undefined },
  ' ': { code: 'Space', keyCode: 32, text: ' ' },
} as const;

/** Presses and releases a key on the focused element as a keyboard would; `shift` for Shift+Tab. */
export async function pressKey(page: Browser, key: keyof typeof KEYS, shift = false): Promise<void> {
  const { code, keyCode, text } = KEYS[key];
  const common = { key, code, windowsVirtualKeyCode: keyCode, modifiers: shift ? 8 : 0 };
  await page.cdp('Input.dispatchKeyEvent', { type: 'keyDown', ...common, ...(text ? { text } : {}) });
  await page.cdp('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
}

/** Types `text` into the focused element, as a scanner or a keyboard sends it. */
export async function typeText(page: Browser, text: string): Promise<void> {
  await page.cdp('Input.insertText', { text });
}

/** Emulates a CSS media type ('print', or '' for the screen again). */
export async function emulateMedia(page: Browser, media: 'print' | ''): Promise<void> {
  await page.cdp('Emulation.setEmulatedMedia', { media });
}

/** A page that can also be typed into, with the helpers above as methods. */
export interface InputPage extends Browser {
  type(text: string): Promise<void>;
  press(key: keyof typeof KEYS): Promise<void>;
  /** Focuses the element `selector` matches (fails when none does). */
  focus(selector: string): Promise<void>;
  screenshot(file: string): Promise<void>;
}

/** Opens `url` laid out at `width`×`height` (a 1366×768 window PC by default) with keyboard input. */
export async function openInputPage(url: string, viewport = { width: 1366, height: 768 }): Promise<InputPage> {
  const page = await openPage('about:blank');
  await setViewport(page, viewport.width, viewport.height);
  await page.cdp('Page.navigate', { url });
  return {
    ...page,
    type: (text) => typeText(page, text),
    press: (key) => pressKey(page, key),
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
