// The files the county website picks up, each written atomically (a temporary file in the
// same directory, then rename), so a reader never sees half a file.
import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `text` to `file` atomically. */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** Writes the concatenation of `parts` to `file` atomically, without first copying them into one buffer. */
export async function writeBuffersAtomic(file: string, parts: Buffer[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writev(parts);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** Writes `value` as JSON to `file` atomically. */
export const writeJsonAtomic = (file: string, value: unknown) => writeTextAtomic(file, JSON.stringify(value));

export const dayFile = (dir: string, date: string) => path.join(dir, 'progress', `${date}.json`);

/** Removes day files older than `windowStart`; returns how many. */
export async function removeDayFilesBefore(dir: string, windowStart: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(path.join(dir, 'progress'));
  } catch {
    return 0;
  }
  const old = names.filter((n) => /^\d{4}-\d{2}-\d{2}\.json$/.test(n) && n.slice(0, 10) < windowStart);
  await Promise.all(old.map((n) => unlink(path.join(dir, 'progress', n))));
  return old.length;
}

export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
