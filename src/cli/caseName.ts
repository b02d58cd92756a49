import { basename, dirname, extname, join, resolve } from 'node:path';

/** Any character a folder name could misuse (separators, `..`, control or shell characters) becomes `_`. */
const unsafeCharacters = /[^A-Za-z0-9._-]/g;
/** Leaves room under the usual 255-byte name limit for the `.<name>.tmp-…` sibling a rewrite uses. */
const maxNameLength = 200;
/** Names of files `batch` writes beside the case folders. */
const reservedNames = ['errors.json', 'summary.csv'];

/**
 * The output folder name for a case file: its base name without the extension, with every character
 * but letters, digits, `.`, `_` and `-` replaced by `_`, and leading dots too, so that no name is
 * empty, `.`, `..`, hidden, or able to reach outside the output folder.
 */
export function caseFolderName(file: string): string {
  const stem = basename(file, extname(file))
    .replace(unsafeCharacters, '_')
    .replace(/^\.+/, (dots) => '_'.repeat(dots.length))
    .slice(0, maxNameLength);
  if (stem === '') return 'case';
  return reservedNames.includes(stem.toLowerCase()) ? `${stem}_` : stem;
}

/**
 * One distinct folder name per case file, in order: a repeated name gets `-2`, `-3`, … Names are
 * compared ignoring case, so they stay distinct on case-insensitive file systems too.
 */
export function caseFolderNames(files: string[]): string[] {
  const used = new Set<string>();
  return files.map((file) => {
    const base = caseFolderName(file);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * The case folder `out/name`, after checking that it is a direct child of `out` — a last guard,
 * since `caseFolderName` already makes names that cannot leave it.
 */
export function caseFolderIn(out: string, name: string): string {
  const dir = join(out, name);
  if (dirname(resolve(dir)) !== resolve(out) || name.startsWith('.'))
    throw new Error(`case folder name ${JSON.stringify(name)} would not be a folder inside ${out}`);
  return dir;
}

/** A line telling the user where a case's results go when the folder is not simply named after the file. */
export function folderNameNote(file: string, name: string): string | undefined {
  if (basename(file, extname(file)) === name) return undefined;
  return `${file}: results go to the folder "${name}" (a case folder is named after the case file with only letters, digits, ".", "_" and "-", no leading dot, and distinct from the other cases' folders)`;
}
