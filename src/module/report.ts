import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Write `text` to `path` atomically: a temp file beside it, then rename, so readers never see half a file. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/** Write a set of named files into `dir`; returns the paths written. */
export async function writeReport(dir: string, files: Record<string, string>): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    await writeAtomic(path, text);
    paths.push(path);
  }
  return paths;
}
