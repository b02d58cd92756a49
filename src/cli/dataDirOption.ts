import { statSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';

/** `--data-dir` as commander declares it, and its help line. */
export const dataDirFlag = '--data-dir <dir>';
export const dataDirHelp =
  "a folder flatness-map files may be read from besides the case file's own folder (repeatable)";

/** commander parser for repeated `--data-dir DIR`: each must be an existing folder. */
export function dataDirOption(v: string, previous: string[] = []): string[] {
  let isFolder = false;
  try {
    isFolder = statSync(v).isDirectory();
  } catch {
    throw new InvalidArgumentError(`--data-dir must name an existing folder, got "${v}" (no such folder)`);
  }
  if (!isFolder) throw new InvalidArgumentError(`--data-dir must name a folder, got "${v}" (not a folder)`);
  return [...previous, v];
}
