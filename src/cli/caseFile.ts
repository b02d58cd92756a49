import { dirname, extname, resolve } from 'node:path';
import { checkCase } from '../case/checkCase';
import { parseFlatnessCsv } from '../case/flatnessCsv';
import type { WorkLimits } from '../case/workBudget';
import { InputError } from '../validation/parseInput';
import { resolveDataFile } from './dataFilePath';
import { parseCaseText } from './parseCaseText';
import { mebibytes, readRegularFile } from './regularFile';

/** Case-file extensions the loader reads. */
export const caseExtensions = ['.json', '.yaml', '.yml'];

/**
 * Largest case file [bytes]. yaml, which also reads JSON files to find duplicate keys, holds a
 * few hundred bytes of memory per byte of a file of short values; large grids belong in a
 * flatness-map CSV file instead.
 */
export const maxCaseFileBytes = 2 ** 20;
/** Largest flatness-map CSV file [bytes]. */
export const maxFlatnessFileBytes = 16 * 2 ** 20;

/** Where the loader may read the files a case names. */
export interface CaseFileOptions {
  /** folders besides the case file's own that flatness-map files may be read from (`--data-dir`) */
  dataDirs?: readonly string[];
}

/** A file's text, refusing UTF-16 (which would otherwise read as garbage with a confusing error). */
function utf8Text(bytes: Buffer): string | null {
  const utf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  return utf16 ? null : bytes.toString('utf8');
}

/**
 * Read a case file (JSON, or YAML for any other extension) into a raw case object, with every
 * flatness map `file` read into its `grid`. Throws InputError naming the file for anything but a
 * regular file of at most 1 MiB, for text that does not parse, and for a map file that is not a
 * regular file of at most 16 MiB inside the case file's folder or a `dataDirs` folder. The schema
 * itself is checked later by `checkCase`.
 */
export async function loadCaseFile(file: string, options: CaseFileOptions = {}): Promise<unknown> {
  const read = await readRegularFile(file, maxCaseFileBytes);
  if ('refused' in read)
    throw new InputError(`case file ${file}`, [
      `${file}: ${read.refused} — a case file must be a regular JSON or YAML file of at most ${mebibytes(maxCaseFileBytes)}`,
    ]);
  const text = utf8Text(read.bytes);
  if (text === null)
    throw new InputError(`case file ${file}`, [`${file}: is UTF-16 text — save it as UTF-8`]);
  const raw = parseCaseText(text, extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', file);
  await resolveFlatnessMaps(raw, file, options.dataDirs ?? []);
  return raw;
}

/** Read `plates.{top,bottom}.flatness.file` CSVs into `grid` (the file name is kept, so it is hashed too). */
async function resolveFlatnessMaps(
  raw: Record<string, unknown>,
  file: string,
  dataDirs: readonly string[],
): Promise<void> {
  const caseDir = dirname(resolve(file));
  const plates = raw.plates as Record<string, unknown> | undefined;
  for (const side of ['top', 'bottom']) {
    const plate = plates?.[side] as Record<string, unknown> | undefined;
    const fl = plate?.flatness as Record<string, unknown> | undefined;
    if (!fl || fl.type !== 'map' || typeof fl.file !== 'string' || fl.grid !== undefined) continue;
    const at = `plates.${side}.flatness.file`;
    const shown = JSON.stringify(fl.file.length > 80 ? `${fl.file.slice(0, 80)}…` : fl.file);
    const allowed = `a flatness map must be a regular CSV file of at most ${mebibytes(maxFlatnessFileBytes)}, named relative to the case file and inside its folder ${caseDir}${dataDirs.length > 0 ? ` or a --data-dir folder (${dataDirs.join(', ')})` : ' (or in a folder named with --data-dir)'}`;
    const refuse = (reason: string) =>
      new InputError(`case file ${file}`, [`${at}: ${shown} ${reason} — ${allowed}`]);
    const where = await resolveDataFile(fl.file, caseDir, dataDirs);
    if ('refused' in where) throw refuse(where.refused);
    const read = await readRegularFile(where.path, maxFlatnessFileBytes, { noFollow: true });
    if ('refused' in read) throw refuse(read.refused);
    const text = utf8Text(read.bytes);
    if (text === null) throw refuse('is UTF-16 text; save it as UTF-8');
    try {
      fl.grid = parseFlatnessCsv(text, `${at} (${shown})`);
    } catch (e) {
      throw e instanceof InputError ? new InputError(`case file ${file}`, e.issues) : e;
    }
  }
}

/** `checkCase` with the case file named in the error; returns the warnings. */
export function checkCaseFile(file: string, raw: unknown, limits?: WorkLimits): string[] {
  try {
    return checkCase(raw, limits).warnings;
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`case ${file}`, e.issues);
    throw e;
  }
}
