import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseSummary } from '../solveCase';
import { writeAtomic } from './atomicWrite';
import type { CaseArtifacts } from './caseArtifacts';
import type { FilmGrade } from './colormap';
import { pressureCsv } from './csv';
import { deflectionPng } from './deflectionPng';
import { pressurePng } from './pressurePng';

/** Where a result came from: the case file and the hash of its resolved input. */
export interface ResultInput {
  file: string;
  hash: string;
}

/** result.json: the summary (schema `stackpress.result/1`) plus the input it was solved from. */
export type ResultFile = CaseSummary & { input: ResultInput };

/**
 * Write one case's folder: pressure.csv, pressure.png, deflection.png, then result.json last, each
 * atomically — so a folder with a result.json is complete, and resuming can trust it.
 */
export async function writeCaseFolder(
  dir: string,
  artifacts: CaseArtifacts,
  input: ResultInput,
  film?: FilmGrade,
): Promise<ResultFile> {
  await writeAtomic(join(dir, 'pressure.csv'), pressureCsv(artifacts.pressure));
  await writeAtomic(join(dir, 'pressure.png'), pressurePng(artifacts.pressure, film));
  await writeAtomic(join(dir, 'deflection.png'), deflectionPng(artifacts.axes, artifacts.deflection));
  const file: ResultFile = { ...artifacts.summary, input };
  await writeAtomic(join(dir, 'result.json'), `${JSON.stringify(file, null, 2)}\n`);
  return file;
}

/** The result.json in `dir`, or null when it is missing or unreadable. */
export async function readResultFile(dir: string): Promise<ResultFile | null> {
  try {
    const r = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as ResultFile;
    return r && typeof r === 'object' && r.input && typeof r.input.hash === 'string' ? r : null;
  } catch {
    return null;
  }
}
