// The files of the project's own web pages (web/<page>/), read once and then served from memory.
// Only names a router lists are ever asked for, so no path from a request reaches the disk.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web');

/** A reader of `web/<page>/` files, each cached after its first read. */
export function webFiles(page: string): (name: string) => Promise<Buffer> {
  const dir = path.join(WEB_ROOT, page);
  const cache = new Map<string, Buffer>();
  return async (name) => {
    let content = cache.get(name);
    if (!content) cache.set(name, (content = await readFile(path.join(dir, name))));
    return content;
  };
}
