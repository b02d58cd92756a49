import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../validation/parseInput';
import { caseExtensions } from './caseFile';

const isCaseFile = (f: string) => caseExtensions.includes(extname(f).toLowerCase());
const hasWildcard = (s: string) => /[*?[]/.test(s);

/** A glob (`*`, `?`, `**`, `[abc]`) as a regular expression over `/`-separated relative paths. */
function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i);
      re += end > i ? glob.slice(i, end + 1) : '\\[';
      i = end > i ? end : i;
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether `path` is a regular file, following a symlink; FIFOs, devices and sockets are not. */
const isRegularFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** Regular files below `dir`, `depth` folders down; symlinked folders are not entered (no loops). */
async function walk(dir: string, depth: number, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) await walk(path, depth - 1, out);
    else if (entry.isFile() || (entry.isSymbolicLink() && (await isRegularFile(path)))) out.push(path);
  }
}

/**
 * The case files named by `DIR` (its *.json, *.yaml, *.yml, not recursive) or a glob such as
 * `cases/fig5b-*.json` or `runs/**\/*.yaml`; sorted. Only regular files (or symlinks to them) are
 * kept: reading a FIFO would block the batch. Throws InputError when nothing matches.
 */
export async function findCaseFiles(pattern: string): Promise<string[]> {
  if (!hasWildcard(pattern)) {
    const s = await stat(pattern).catch(() => null);
    if (!s) throw new InputError('case files', [`${pattern}: no such file or folder`]);
    if (s.isFile()) return [pattern];
    if (!s.isDirectory())
      throw new InputError('case files', [
        `${pattern}: not a regular file or folder — name case files or folders of them`,
      ]);
    const files: string[] = [];
    for (const entry of (await readdir(pattern, { withFileTypes: true })).filter((e) => isCaseFile(e.name)))
      if (entry.isFile() || (entry.isSymbolicLink() && (await isRegularFile(join(pattern, entry.name)))))
        files.push(entry.name);
    files.sort();
    if (files.length === 0)
      throw new InputError('case files', [`${pattern}: no .json, .yaml or .yml case files in this folder`]);
    return files.map((f) => join(pattern, f));
  }
  const parts = pattern.split(/[\\/]/);
  const firstWild = parts.findIndex(hasWildcard);
  const base = parts.slice(0, firstWild).join('/') || '.';
  const rest = parts.slice(firstWild).join('/');
  const depth = rest.includes('**') ? 64 : parts.length - firstWild - 1;
  const all: string[] = [];
  await walk(resolve(base), depth, all).catch(() => undefined);
  const re = globRegExp(rest);
  const files = all
    .filter((f) => isCaseFile(f) && re.test(relative(resolve(base), f).split(sep).join('/')))
    .map((f) => join(base, relative(resolve(base), f)))
    .sort();
  if (files.length === 0) throw new InputError('case files', [`${pattern}: no case files match`]);
  return files;
}
