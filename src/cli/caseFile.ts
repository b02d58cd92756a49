import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkCase } from '../case/checkCase';
import { parseFlatnessCsv } from '../case/flatnessCsv';
import { InputError } from '../validation/parseInput';

/** Case-file extensions the loader reads. */
export const caseExtensions = ['.json', '.yaml', '.yml'];

/** The folder name for a case file's results: its base name without the extension. */
export function caseStem(file: string): string {
  return basename(file, extname(file));
}

/**
 * Read a case file (JSON or YAML) into a raw case object, with every flatness map `file`
 * (relative to the case file) read into its `grid`. Throws InputError naming the file for
 * unreadable or unparsable files; the schema itself is checked later by `checkCase`.
 */
export async function loadCaseFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`case file ${file}`, [`${file}: cannot read — ${(e as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new InputError(`case file ${file}`, [
      `${file}: not valid ${extname(file).slice(1).toUpperCase() || 'JSON/YAML'} — ${(e as Error).message.split('\n')[0]}`,
    ]);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(`case file ${file}`, [`${file}: must hold one case object`]);
  }
  await resolveFlatnessMaps(raw as Record<string, unknown>, dirname(resolve(file)));
  return raw;
}

/** Read `plates.{top,bottom}.flatness.file` CSVs into `grid` (the file name is kept, so it is hashed too). */
async function resolveFlatnessMaps(raw: Record<string, unknown>, dir: string): Promise<void> {
  const plates = raw.plates as Record<string, unknown> | undefined;
  for (const side of ['top', 'bottom']) {
    const plate = plates?.[side] as Record<string, unknown> | undefined;
    const fl = plate?.flatness as Record<string, unknown> | undefined;
    if (!fl || fl.type !== 'map' || typeof fl.file !== 'string' || fl.grid !== undefined) continue;
    const at = `plates.${side}.flatness.file`;
    const path = resolve(dir, fl.file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new InputError('case', [`${at}: ${JSON.stringify(fl.file)} — cannot read ${path}`]);
    }
    fl.grid = parseFlatnessCsv(text, at);
  }
}

/** `checkCase` with the case file named in the error; returns the warnings. */
export function checkCaseFile(file: string, raw: unknown): string[] {
  try {
    return checkCase(raw).warnings;
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`case ${file}`, e.issues);
    throw e;
  }
}
