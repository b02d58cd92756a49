import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Where a data file named inside a case file resolved to, or why it may not be read. */
export type DataFilePath = { path: string } | { refused: string };

/** Kernel pseudo-file systems: their files read as text of any length while their size reads as 0. */
const systemFolders = ['/proc', '/sys', '/dev'];

/** Whether `path` is `root` or lies below it (both absolute). */
function isWithin(root: string, path: string): boolean {
  const r = relative(root, path);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

/** A folder as given and as realpath has it (the same when it has no symlinks on the way). */
async function bothForms(dir: string): Promise<string[]> {
  const given = resolve(dir);
  const real = await realpath(given).catch(() => given);
  return given === real ? [given] : [given, real];
}

/**
 * Resolve a data file named in a case (a flatness map `file`) against the case file's folder
 * `caseDir`. It must lie inside `caseDir` or one of `dataDirs`, both before and after symlinks are
 * resolved, so that neither `../` nor an absolute path nor a symlink can reach a file elsewhere.
 * A path that is outside is refused before the file system is asked about it, so the refusal
 * says nothing about which files exist there. The returned path is the realpath.
 */
export async function resolveDataFile(
  value: string,
  caseDir: string,
  dataDirs: readonly string[] = [],
): Promise<DataFilePath> {
  if (value.trim() === '') return { refused: 'is empty' };
  if (value.includes('\0')) return { refused: 'contains a NUL character' };
  const roots = (await Promise.all([caseDir, ...dataDirs].map(bothForms))).flat();
  const target = resolve(caseDir, value);
  if (!roots.some((root) => isWithin(root, target))) return { refused: 'is outside the allowed folders' };
  let real: string;
  try {
    real = await realpath(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      refused: code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : `cannot be resolved (${code})`,
    };
  }
  if (!roots.some((root) => isWithin(root, real)))
    return { refused: 'is a symbolic link to a file outside the allowed folders' };
  // only reachable when the case file itself sits at / or a --data-dir names /
  if (systemFolders.some((root) => isWithin(root, real))) return { refused: 'is in a system folder' };
  return { path: real };
}
