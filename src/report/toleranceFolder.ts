import { samplesCsv } from '../presentation/toleranceCsv';
import { encodeToleranceFile, type ToleranceFile } from '../presentation/toleranceFile';
import { replaceFolder } from './folderSwap';
import { toleranceFigures } from './toleranceFigures';

/** What a study folder is written from: the study, the stack its maps are drawn on, its input. */
export interface ToleranceStudy extends ToleranceFile {
  /** the case as read (`case.json`), so the study can be run again */
  case: unknown;
  /** per failed draw, its complete case input, so `stackpress solve` can run that draw alone */
  failedInputs?: Map<number, unknown>;
}

/**
 * The files of a study folder by name, rendered in memory: `samples.csv` (one row per draw,
 * failed ones included), `tolerance.json` (what the viewer opens), `case.json`, the figures
 * (`toleranceFigures`; none when no draw solved) and, per failed draw i, `draw-<i>.json`.
 */
export async function toleranceFolderFiles(
  study: ToleranceStudy,
): Promise<Record<string, string | Uint8Array>> {
  // the text files first: they check the study, before seconds of rendering
  const files: Record<string, string | Uint8Array> = {
    'samples.csv': samplesCsv(study.result),
    'tolerance.json': encodeToleranceFile(study),
    'case.json': `${JSON.stringify(study.case, null, 2)}\n`,
  };
  if (study.stack) Object.assign(files, await toleranceFigures(study.result, study.stack));
  for (const [i, input] of study.failedInputs ?? [])
    files[`draw-${i}.json`] = `${JSON.stringify(input, null, 2)}\n`;
  return files;
}

/**
 * Write a study's folder whole, by replacing it (`replaceFolder`): a reader, or a process killed
 * at any moment, finds the old folder or the new one, never part of a study. `dir`'s parent must
 * be the output folder. Returns the names of the files written.
 */
export async function writeToleranceFolder(dir: string, study: ToleranceStudy): Promise<string[]> {
  const files = await toleranceFolderFiles(study);
  await replaceFolder(dir, files);
  return Object.keys(files);
}
