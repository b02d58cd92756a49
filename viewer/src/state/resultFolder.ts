import { maxResultJsonBytes } from '../../../src/case/limits';
import { type CaseSummary, checkCase } from '../../../src/index';
import { decodeResultFields } from '../../../src/presentation/fieldsFile';
import type { ResultFields } from '../../../src/presentation/resultFields';

/** result.json: the summary and, when the CLI wrote it, the hash of the input it was solved from. */
type ResultJson = CaseSummary & { input?: { file?: unknown; hash?: unknown } };

/** What the user picked or dropped: one case file, or a result folder's files. */
export type PickedFiles =
  | { kind: 'case'; name: string; input: unknown }
  | {
      kind: 'result';
      /** the names of the files read, result.json first */
      names: string[];
      summary: CaseSummary;
      fields: ResultFields | null;
      /** case.json, the resolved case the result was solved from, and its file name; or null */
      caseInput: unknown | null;
      caseFile: string | null;
    };

/** A picked file the viewer refuses; the message names the file and says what it expected. */
export class PickedFileError extends Error {
  override name = 'PickedFileError';
}

// a result.json or case file is a few kB and fields.json about 1 MB per 10⁴ mesh nodes: far larger
// files were not written by stackpress, and reading them would only exhaust the tab's memory
const MAX_SMALL_BYTES = maxResultJsonBytes;
const MAX_FIELDS_BYTES = 512 * 2 ** 20;

const schemaOf = (json: unknown): string =>
  typeof json === 'object' && json !== null && typeof (json as { schema?: unknown }).schema === 'string'
    ? (json as { schema: string }).schema
    : '';

// fields.json starts with its schema (encodeResultFields writes it first): known from its head, it
// is parsed once, by decodeResultFields, instead of twice
const FIELDS_HEAD = /^\s*\{\s*"schema"\s*:\s*"stackpress\.fields\//;

/** A picked file's text: fields.json as text for its decoder, anything else parsed. */
async function readPicked(file: File): Promise<{ fieldsText: string } | { json: unknown }> {
  if (file.size > MAX_FIELDS_BYTES)
    throw new PickedFileError(
      `${file.name}: ${(file.size / 2 ** 20).toFixed(0)} MiB is larger than any file stackpress writes (at most ${MAX_FIELDS_BYTES / 2 ** 20} MiB)`,
    );
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    // a folder dropped as a file, a file removed since it was picked, a permission refused
    throw new PickedFileError(
      `${file.name}: could not be read (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  if (FIELDS_HEAD.test(text.slice(0, 200))) return { fieldsText: text };
  if (file.size > MAX_SMALL_BYTES)
    throw new PickedFileError(`${file.name}: a case or result.json is a few kB, this is ${file.size} bytes`);
  try {
    return { json: JSON.parse(text) };
  } catch (e) {
    throw new PickedFileError(`${file.name}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** A result folder holds three JSON files the viewer reads; a few more are refused, not read. */
const MAX_JSON_FILES = 4;

/**
 * The files to read: all of a single pick, or of several only the .json ones, so a whole result
 * folder can be dropped (its PNG, SVG, CSV and VTU files are left aside).
 */
function jsonFilesOf(files: readonly File[]): readonly File[] {
  if (files.length === 0) throw new PickedFileError('no file was given');
  if (files.length === 1) return files;
  const json = files.filter((f) => /\.json$/i.test(f.name));
  if (json.length === 0)
    throw new PickedFileError(
      `none of ${files.map((f) => f.name).join(', ')} is a .json file: open a case file, or a result folder's result.json with fields.json and case.json`,
    );
  if (json.length > MAX_JSON_FILES)
    throw new PickedFileError(
      `${json.length} .json files: a result folder has result.json, fields.json and case.json — open one folder at a time`,
    );
  const total = json.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_FIELDS_BYTES + 2 * MAX_SMALL_BYTES)
    throw new PickedFileError(
      `${(total / 2 ** 20).toFixed(0)} MiB together is more than one result folder stackpress writes`,
    );
  return json;
}

/**
 * Sort the picked files into one case file or one result folder (result.json with optionally
 * fields.json and case.json), by content, not by name. Throws PickedFileError for anything else:
 * two results, fields.json without its result.json, or files of different cases.
 */
export async function readPickedFiles(chosen: readonly File[]): Promise<PickedFiles> {
  const files = jsonFilesOf(chosen);
  let result: { name: string; json: ResultJson } | null = null;
  let fields: { name: string; text: string } | null = null;
  const cases: { name: string; json: unknown }[] = [];
  for (const file of files) {
    const read = await readPicked(file);
    if ('fieldsText' in read) {
      if (fields)
        throw new PickedFileError(
          `${fields.name} and ${file.name} are two fields files: open one result folder`,
        );
      fields = { name: file.name, text: read.fieldsText };
    } else if (schemaOf(read.json).startsWith('stackpress.result/')) {
      if (result)
        throw new PickedFileError(`${result.name} and ${file.name} are two results: open one result folder`);
      result = { name: file.name, json: read.json as ResultJson };
    } else cases.push({ name: file.name, json: read.json });
  }
  if (!result) {
    if (fields)
      throw new PickedFileError(`${fields.name} holds only the maps: open it together with its result.json`);
    if (cases.length > 1)
      throw new PickedFileError(`${cases.map((c) => c.name).join(', ')}: open one case file at a time`);
    const only = cases[0];
    return { kind: 'case', name: only.name, input: only.json };
  }
  if (cases.length > 1)
    throw new PickedFileError(`${cases.map((c) => c.name).join(', ')}: a result folder has one case.json`);
  const caseName = String(result.json.name);
  let decoded: ResultFields | null = null;
  if (fields) {
    let hash: string | null;
    try {
      ({ fields: decoded, inputHash: hash } = decodeResultFields(fields.text));
    } catch (e) {
      throw new PickedFileError(`${fields.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (decoded.caseName !== caseName)
      throw new PickedFileError(
        `${fields.name} holds the maps of case "${decoded.caseName}" but ${result.name} is case "${caseName}": open the files of one result folder`,
      );
    const resultHash = result.json.input?.hash;
    if (hash !== null && typeof resultHash === 'string' && hash !== resultHash)
      throw new PickedFileError(
        `${fields.name} was solved from input ${hash.slice(0, 12)}… but ${result.name} from input ${resultHash.slice(0, 12)}…: they are not of one solve — open the files of one result folder`,
      );
  }
  let caseInput: unknown | null = null;
  const picked = cases.at(0);
  if (picked) {
    let name: string;
    try {
      // solved already (perhaps with a raised --max-memory): no work limit applies to reading it;
      // a case without a name solves as "case", as the summary names it
      name = checkCase(picked.json, { maxMemoryMiB: Number.MAX_VALUE }).case.name ?? 'case';
    } catch (e) {
      throw new PickedFileError(
        `${picked.name}: not a valid case (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    if (name !== caseName)
      throw new PickedFileError(
        `${picked.name} is case "${name}" but ${result.name} is case "${caseName}": open the files of one result folder`,
      );
    caseInput = picked.json;
  }
  const names = [result.name, ...(fields ? [fields.name] : []), ...(picked ? [picked.name] : [])];
  return {
    kind: 'result',
    names,
    summary: result.json,
    fields: decoded,
    caseInput,
    caseFile: picked ? picked.name : null,
  };
}
