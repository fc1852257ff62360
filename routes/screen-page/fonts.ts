// The lobby screen's Chinese web font, Noto Sans SC from the @fontsource/noto-sans-sc package,
// so a display PC without CJK fonts still shows Chinese. The package cuts the font into ~100
// unicode-range slices per weight: a browser fetches only the slices of the characters on
// screen (a few hundred kB), and keeps them, since their addresses carry the package version.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGE_DIR = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
const VERSION: string = (require('@fontsource/noto-sans-sc/package.json') as { version: string }).version;
/** The weights the screen's stylesheet uses. */
const WEIGHTS = ['400', '700'];
const FILE = /^noto-sans-sc-\d{1,3}-(400|700)-normal\.woff2$/;

export const FONT_BASE = `/screen/assets/fonts/${VERSION}/`;

let stylesheet: { css: string; etag: string } | undefined;

/** The @font-face rules of the used weights, pointing at FONT_BASE, woff2 only. */
export async function fontStylesheet(): Promise<{ css: string; etag: string }> {
  if (!stylesheet) {
    const sheets = await Promise.all(WEIGHTS.map((w) => readFile(path.join(PACKAGE_DIR, `${w}.css`), 'utf8')));
    const css = sheets
      .join('\n')
      .replace(/\/\*[^*]*\*\//g, '')
      // Every browser that runs the screen reads woff2: the woff fallback only doubles the rules.
      .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '')
      .replace(/url\(\.\/files\//g, `url(${FONT_BASE}`)
      .replace(/\n{2,}/g, '\n');
    stylesheet = { css, etag: `"${createHash('sha256').update(css).digest('base64url').slice(0, 27)}"` };
  }
  return stylesheet;
}

/** One slice of the font, or undefined for any other name or an older package version. */
export async function fontFile(version: string, file: string): Promise<Buffer | undefined> {
  if (version !== VERSION || !FILE.test(file)) return undefined;
  return readFile(path.join(PACKAGE_DIR, 'files', file));
}
