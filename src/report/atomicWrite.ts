import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Write `text` (or bytes) to `path` atomically: a temp file beside it, then rename, so readers never see half a file. */
export async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // pid + thread + random: unique across processes and worker threads writing at the same moment
  const tmp = `${path}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  await writeFile(tmp, text, typeof text === 'string' ? 'utf8' : undefined);
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
