import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Write `text` (or bytes) to `path` atomically: a temp file beside it, flushed to disk, then
 * renamed over `path`, so readers never see half a file and a crash never leaves an empty one.
 */
export async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // pid + thread + random: unique across processes and worker threads writing at the same moment
  const tmp = `${path}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** Write a set of named files into `dir`; returns the paths written. */
export async function writeReport(
  dir: string,
  files: Record<string, string | Uint8Array>,
): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    await writeAtomic(path, text);
    paths.push(path);
  }
  return paths;
}
