import { dirname, extname, resolve } from 'node:path';
import { loadCaseFile, maxCaseFileBytes } from '../cli/caseFile';
import { resolveDataFile } from '../cli/dataFilePath';
import { parseCaseText } from '../cli/parseCaseText';
import { mebibytes, readRegularFile } from '../cli/regularFile';
import { InputError } from '../validation/parseInput';
import { type DesignProblem, designProblem } from './designProblem';
import { parseDesignSpec } from './designSpec';

/**
 * Read a design spec file (JSON, or YAML for any other extension) and its base case into a
 * problem. The spec is read with the case files' rules (a regular UTF-8 file of at most 1 MiB, no
 * duplicate keys, no YAML tags or alias bombs). A base case named by path must be a case file
 * inside the spec's folder, before and after symlinks, and is read as `stackpress solve` reads
 * it (its flatness maps beside it); an inline base case cannot name map files, since there is no
 * case file for them to be beside. Every refusal is an InputError naming the file and the field.
 */
export async function loadDesignSpecFile(file: string): Promise<DesignProblem> {
  const what = `design spec ${file}`;
  const read = await readRegularFile(file, maxCaseFileBytes);
  if ('refused' in read)
    throw new InputError(what, [
      `${file}: ${read.refused} — a design spec must be a regular JSON or YAML file of at most ${mebibytes(maxCaseFileBytes)}`,
    ]);
  const bytes = read.bytes;
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    throw new InputError(what, [`${file}: is UTF-16 text — save it as UTF-8`]);
  const raw = renamed(what, () =>
    parseCaseText(bytes.toString('utf8'), extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', file),
  );
  const spec = renamed(what, () => parseDesignSpec(raw));
  let base: unknown;
  let label = 'base';
  if (typeof spec.base === 'string') {
    const specDir = dirname(resolve(file));
    const shown = JSON.stringify(spec.base.length > 80 ? `${spec.base.slice(0, 80)}…` : spec.base);
    const where = await resolveDataFile(spec.base, specDir);
    if ('refused' in where)
      throw new InputError(what, [
        `base: ${shown} ${where.refused} — the base case must be a case file named relative to the design spec and inside its folder ${specDir}`,
      ]);
    base = await renamedAsync(what, () => loadCaseFile(where.path));
    label = `base (${spec.base})`;
  } else {
    base = spec.base;
    for (const side of ['top', 'bottom']) {
      const plates = (base as { plates?: Record<string, { flatness?: { file?: unknown } }> }).plates;
      if (plates?.[side]?.flatness?.file !== undefined)
        throw new InputError(what, [
          `base.plates.${side}.flatness.file: an inline base case cannot name a map file — give the map as a grid, or put the base case in its own file beside the spec`,
        ]);
    }
  }
  return renamed(what, () => designProblem(spec, base, label));
}

/** `f()`, with an InputError's issues reported under the spec file's name. */
function renamed<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(what, e.issues);
    throw e;
  }
}

async function renamedAsync<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(what, e.issues);
    throw e;
  }
}
