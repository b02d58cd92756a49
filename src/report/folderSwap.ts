import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Siblings a replacement leaves while it runs: `.<name>.tmp-<pid>-<thread>-<random>` (the new
 * folder being filled) and `.<name>.old-<pid>-<thread>-<random>` (the old one on its way out).
 * Case folder names never start with a dot, so these never clash with a case.
 */
const sibling = /^\.(.+)\.(tmp|old)-(\d+)-\d+-[0-9a-z]+$/;
/** A sibling this old is stale even if its pid is alive again (pid reuse, or another host). */
const staleAfterMs = 10 * 60 * 1000;
/** Parent folders this thread has swept of stale siblings; once is enough, as they come from dead writers. */
const swept = new Set<string>();

const unique = () => `${process.pid}-${threadId}-${Math.random().toString(36).slice(2, 10)}`;

/** Whether process `pid` exists (EPERM: it does, but belongs to someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove what killed writers left in `parent`: temporary and old siblings of any folder whose
 * writer process is gone, or that are older than 10 minutes. Siblings of live writers (another
 * batch writing into the same folder, another worker thread of this process) are left alone.
 */
export async function removeStaleSiblings(parent: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const m = sibling.exec(name);
    if (!m) continue;
    const path = join(parent, name);
    const s = await lstat(path).catch(() => null);
    if (!s) continue;
    const pid = Number(m[3]);
    if ((pid !== process.pid && !isAlive(pid)) || Date.now() - s.mtimeMs > staleAfterMs)
      await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Write `bytes` to a new file `path` and flush it to disk, so a rename after it never exposes an empty file. */
async function writeDurably(path: string, bytes: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replace folder `dir` whole by one holding exactly `files` (name → content). The files are
 * written into a temporary sibling, which is then renamed into place; an existing `dir` is first
 * renamed aside and removed after. A reader, or a process killed at any moment, sees either the
 * old folder or the new one, never a mix — at worst, between the two renames, no folder. The
 * first replacement in a parent folder removes what earlier killed writers left there.
 */
export async function replaceFolder(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  const parent = dirname(dir);
  const name = basename(dir);
  await mkdir(parent, { recursive: true });
  if (!swept.has(parent)) {
    await removeStaleSiblings(parent);
    swept.add(parent);
  }
  const tmp = join(parent, `.${name}.tmp-${unique()}`);
  await mkdir(tmp);
  const olds: string[] = [];
  try {
    for (const [file, bytes] of Object.entries(files)) await writeDurably(join(tmp, file), bytes);
    // a few rounds: another writer may put its own folder in place between our two renames
    for (let round = 0; ; round++) {
      try {
        await rename(tmp, dir);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (round >= 8 || !['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR'].includes(code ?? '')) throw e;
      }
      const old = join(parent, `.${name}.old-${unique()}`);
      try {
        await rename(dir, old);
        olds.push(old);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  } finally {
    for (const old of olds) await rm(old, { recursive: true, force: true }).catch(() => undefined);
  }
}
