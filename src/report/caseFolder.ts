import { constants, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { maxResultJsonBytes } from '../case/limits';
import { pressureCsv } from '../presentation/csv';
import { encodeResultFields } from '../presentation/fieldsFile';
import type { FilmGradeId } from '../presentation/film';
import { historyCsv } from '../presentation/historyCsv';
import type { CaseSummary } from '../solveCase';
import type { CaseArtifacts } from './caseArtifacts';
import { caseFigures } from './caseFigures';
import { replaceFolder } from './folderSwap';
import { resultVtu } from './vtu';

/** Where a result came from: the case file and the hash of its resolved input. */
export interface ResultInput {
  file: string;
  hash: string;
}

/** result.json: the summary (schema `stackpress.result/2`) plus the input it was solved from. */
export type ResultFile = CaseSummary & { input: ResultInput };

/**
 * Write one case's folder — the figures (pressure, pressure-swollen when the case swells,
 * deflection, histogram; with a life history `history` and `history-map-<state>`; each .svg and .png),
 * pressure.csv, history.csv (with a life history), fields.json (what the viewer opens),
 * case.json (the case as solved, defaults filled in), result.vtu and result.json — by
 * replacing the folder whole (`replaceFolder`): its files always come from one solve of one input
 * hash, even when the process is killed mid-write, so resuming can trust a result.json and the
 * files beside it. `dir`'s parent must be the output folder: the new folder is built beside `dir`.
 */
export async function writeCaseFolder(
  dir: string,
  artifacts: CaseArtifacts,
  input: ResultInput,
  film?: FilmGradeId,
): Promise<ResultFile> {
  const { files, result } = await caseFolderFiles(artifacts, input, film);
  await replaceFolder(dir, files);
  return result;
}

/** The files of a case folder by name, rendered in memory, and its result.json content. */
export async function caseFolderFiles(
  artifacts: CaseArtifacts,
  input: ResultInput,
  film?: FilmGradeId,
): Promise<{ files: Record<string, string | Uint8Array>; result: ResultFile }> {
  const result: ResultFile = { ...artifacts.summary, input };
  const { fields } = artifacts;
  const { history } = artifacts.summary;
  const files = {
    ...(await caseFigures(fields, artifacts.summary.name, film ?? null, history)),
    'pressure.csv': pressureCsv(fields.interfaces[0].grid),
    ...(history ? { 'history.csv': historyCsv(history) } : {}),
    'fields.json': encodeResultFields(fields, input.hash),
    'case.json': `${JSON.stringify(artifacts.case, null, 2)}\n`,
    'result.vtu': resultVtu(artifacts),
    'result.json': `${JSON.stringify(result, null, 2)}\n`,
  };
  return { files, result };
}

/** A result.json is a few kB, a life history's up to `maxResultJsonBytes`; anything larger was not written by us. */
const maxResultBytes = maxResultJsonBytes;

/**
 * The result.json in `dir`, or null when it is missing, unreadable, or not a regular file of at
 * most maxResultJsonBytes — a FIFO or a link to /dev/zero planted in the output folder would otherwise block
 * or fill memory when a batch checks what it can skip.
 */
export async function readResultFile(dir: string): Promise<ResultFile | null> {
  const path = join(dir, 'result.json');
  try {
    const s = await stat(path);
    if (!s.isFile() || s.size > maxResultBytes) return null;
    // non-blocking, so a FIFO swapped in after the check cannot block the open
    const text = await readFile(path, {
      encoding: 'utf8',
      flag: constants.O_RDONLY | (constants.O_NONBLOCK ?? 0),
    });
    if (text.length > maxResultBytes) return null;
    const r = JSON.parse(text) as ResultFile;
    return r && typeof r === 'object' && r.input && typeof r.input.hash === 'string' ? r : null;
  } catch {
    return null;
  }
}
