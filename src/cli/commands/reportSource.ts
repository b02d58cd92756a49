import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkCase } from '../../case/checkCase';
import { maxResultJsonBytes } from '../../case/limits';
import type { Case } from '../../case/schema';
import { decodeResultFields, FieldsFileError } from '../../presentation/fieldsFile';
import { checkedSummary } from '../../presentation/report/resultFileSchema';
import type { ResultFields } from '../../presentation/resultFields';
import { resultFieldsOf } from '../../presentation/resultFieldsOf';
import { type CaseSummary, solveCase, summaryOf } from '../../solveCase';
import { createSolverSession } from '../../threads/factorThreads';
import { InputError } from '../../validation/parseInput';
import { checkCaseFile, loadCaseFile } from '../caseFile';
import { inputHash } from '../inputHash';
import { mebibytes, readRegularFile } from '../regularFile';

/** What a report is made of, from a case solved now or from a result folder. */
export interface ReportSource {
  summary: CaseSummary;
  caseInput: Case;
  fields: ResultFields;
  inputHash: string;
  /** for the title block: the case file, or the result folder */
  source: string;
}

/** How to solve a case file for its report (as `solve` does). */
export interface CaseSolveOptions {
  dataDir?: string[];
  threads: number;
  maxMemory?: number;
}

/**
 * Largest files of a result folder we read [bytes]. result.json is a few kB and case.json at most
 * the case with its maps inline; fields.json is about 2 MB for a 2 mm mesh of a 150 mm plate and
 * grows with the node count, 256 MiB being a mesh of about a million nodes. A larger file, or one
 * that is not a regular file, was not written by `stackpress solve`.
 */
export const resultFolderLimits = {
  'result.json': maxResultJsonBytes,
  'case.json': 64 * 2 ** 20,
  'fields.json': 256 * 2 ** 20,
} as const;

type FolderFile = keyof typeof resultFolderLimits;

const rerun = 'write the folder again with stackpress solve';

/** The text of one file of a result folder, or an InputError naming it and why it cannot be read. */
async function folderText(dir: string, name: FolderFile): Promise<string> {
  const path = join(dir, name);
  // a symbolic link could lead outside the folder: the folder's own files only
  const read = await readRegularFile(path, resultFolderLimits[name], { noFollow: true });
  if ('refused' in read) {
    const missing = read.refused === 'does not exist';
    throw new InputError(`result folder ${dir}`, [
      `${path}: ${read.refused} — ${
        missing && name === 'fields.json'
          ? `the folder was written by a stackpress without fields.json; ${rerun}`
          : `must be a regular file of at most ${mebibytes(resultFolderLimits[name])} as stackpress solve writes it${missing ? `; ${rerun}` : ''}`
      }`,
    ]);
  }
  return read.bytes.toString('utf8');
}

/** The JSON of one file of a result folder, or an InputError naming the file. */
function parseJson(dir: string, name: FolderFile, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`result folder ${dir}`, [
      `${join(dir, name)}: not JSON (${(e as Error).message}) — ${rerun}`,
    ]);
  }
}

/**
 * A folder written by `stackpress solve`: result.json (the summary and its input hash),
 * fields.json (the maps, tied to it by the same hash) and case.json (the resolved case). Each is
 * hostile input: size-bounded, no symbolic links, schema-checked; an InputError names the file and
 * what is wrong with it.
 */
export async function resultFolderSource(dir: string): Promise<ReportSource> {
  const what = `result folder ${dir}`;
  const resultJson = parseJson(dir, 'result.json', await folderText(dir, 'result.json'));
  const checked = checkedSummary(resultJson);
  if ('problems' in checked)
    throw new InputError(
      what,
      checked.problems.map(
        (p) => `${join(dir, 'result.json')}: ${p} — not a result of this stackpress; ${rerun}`,
      ),
    );
  const input = (resultJson as { input?: { hash?: unknown } }).input;
  const hash = typeof input?.hash === 'string' && /^[0-9a-f]{64}$/.test(input.hash) ? input.hash : null;
  if (hash === null)
    throw new InputError(what, [
      `${join(dir, 'result.json')}: input.hash must be the sha256 (64 hex digits) of the case it was solved from — ${rerun}`,
    ]);

  let fields: ResultFields;
  let fieldsHash: string | null;
  try {
    ({ fields, inputHash: fieldsHash } = decodeResultFields(await folderText(dir, 'fields.json')));
  } catch (e) {
    if (!(e instanceof FieldsFileError)) throw e;
    throw new InputError(what, [`${join(dir, 'fields.json')}: ${e.message} — ${rerun}`]);
  }
  if (fieldsHash !== hash)
    throw new InputError(what, [
      `${join(dir, 'fields.json')}: input hash ${fieldsHash ?? 'none'} is not result.json's ${hash} — the two files come from different solves; ${rerun}`,
    ]);

  const caseJson = parseJson(dir, 'case.json', await folderText(dir, 'case.json'));
  let caseInput: Case;
  try {
    // the folder's case was solved already: no work limit applies to reporting it
    caseInput = checkCase(caseJson, { maxMemoryMiB: Number.MAX_VALUE }).case;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(
      what,
      e.issues.map((i) => `${join(dir, 'case.json')}: ${i}`),
    );
  }
  const mismatch = folderMismatch(checked.summary, caseInput, fields);
  if (mismatch)
    throw new InputError(what, [`${dir}: ${mismatch} — the files come from different solves; ${rerun}`]);
  return { summary: checked.summary, caseInput, fields, inputHash: hash, source: dir };
}

/**
 * How the three files of a result folder disagree, or null: the same case name, bolts, plates and
 * interfaces in each. (The input hash ties result.json to fields.json; case.json is the resolved
 * case, whose hash is not the one of the case file, so these are its checks.)
 */
function folderMismatch(summary: CaseSummary, c: Case, fields: ResultFields): string | null {
  const name = c.name ?? 'case';
  if (summary.name !== name || fields.caseName !== name)
    return `the case is named ${JSON.stringify(name)} in case.json, ${JSON.stringify(summary.name)} in result.json and ${JSON.stringify(fields.caseName)} in fields.json`;
  if (summary.bolts.length !== c.bolts.positions.length)
    return `result.json has ${summary.bolts.length} bolts, case.json ${c.bolts.positions.length}`;
  const plates = fields.layers.filter((l) => !l.rigid).length;
  if (summary.plates.length !== plates)
    return `result.json has ${summary.plates.length} plates, fields.json ${plates}`;
  if (summary.interfaces.length !== fields.interfaces.length)
    return `result.json has ${summary.interfaces.length} interfaces, fields.json ${fields.interfaces.length}`;
  if ((summary.swelling === null) !== (fields.interfaces[0].swollen === null))
    return `result.json ${summary.swelling ? 'has' : 'has no'} swelling state, fields.json ${fields.interfaces[0].swollen ? 'has' : 'has none'}`;
  return null;
}

/**
 * Solve a case file for its report, read and checked as `solve` reads it (data files only from its
 * folder or a --data-dir). A bad case throws InputError (exit 2); a case that does not solve
 * throws its solver error (the action reports it as a failed run, exit 1).
 */
export async function caseFileSource(file: string, opts: CaseSolveOptions): Promise<ReportSource> {
  const limits = { maxMemoryMiB: opts.maxMemory };
  const raw = await loadCaseFile(file, { dataDirs: opts.dataDir });
  checkCaseFile(file, raw, limits);
  const threaded = createSolverSession(opts.threads);
  try {
    const result = solveCase(raw, { session: threaded.session, limits });
    return {
      summary: summaryOf(result),
      caseInput: result.fields.case,
      fields: resultFieldsOf(result),
      inputHash: inputHash(raw),
      source: file,
    };
  } finally {
    await threaded.close();
  }
}

/** Whether `path` names a folder (a result folder) rather than a case file; InputError if it is neither. */
export async function isResultFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : 'does not exist';
    throw new InputError(`report source ${path}`, [
      `${path}: ${why} — name a case file (.json, .yaml) or a folder written by stackpress solve`,
    ]);
  }
}
