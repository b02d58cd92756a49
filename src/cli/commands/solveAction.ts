import type { FilmGradeId } from '../../presentation/film';
import { artifactsOf } from '../../report/caseArtifacts';
import { writeCaseFolder } from '../../report/caseFolder';
import { summaryTable } from '../../report/summaryTable';
import { type CaseSummary, solveCase } from '../../solveCase';
import { createSolverSession } from '../../threads/factorThreads';
import { InputError } from '../../validation/parseInput';
import { checkCaseFile, loadCaseFile } from '../caseFile';
import { caseFolderIn, caseFolderNames, folderNameNote } from '../caseName';
import { inputHash } from '../inputHash';
import { catchInterrupt } from '../interrupt';
import type { StudyRunnerOptions } from './solveStudyAction';

export interface SolveOptions extends StudyRunnerOptions {
  out: string;
  dataDir?: string[];
  film?: FilmGradeId;
  threads: number;
  maxMemory?: number;
  /** a tolerance study of every case: its draws and seed (see ./solveStudyAction.ts) */
  samples?: number;
  seed?: number;
}

/**
 * The action of `stackpress solve` (registered in ./solve.ts): every case file is loaded and
 * checked first, so a bad input stops the run (exit 2) before anything is solved or written; then
 * each case is solved in turn on one solver session and its folder written under `opts.out`.
 */
export async function runSolve(files: string[], opts: SolveOptions): Promise<void> {
  const limits = { maxMemoryMiB: opts.maxMemory };
  const names = caseFolderNames(files);
  const flags = { samples: opts.samples, seed: opts.seed };
  const allStudies = opts.samples !== undefined || opts.seed !== undefined;
  const loaded: { file: string; raw: unknown; name: string }[] = [];
  const studies = [];
  for (const [k, file] of files.entries()) {
    const raw = await loadCaseFile(file, { dataDirs: opts.dataDir });
    if (allStudies || hasTolerancesBlock(raw)) {
      // the study branch, its solver and writers, load only when a case runs as a study
      const { checkStudyFile } = await import('./solveStudyAction');
      const settings = checkStudyFile(file, raw, flags, limits, opts.workers);
      studies.push({ file, raw, name: names[k], settings });
    } else {
      checkCaseFile(file, raw, limits);
      loaded.push({ file, raw, name: names[k] });
    }
  }
  if ((opts.workers !== undefined || opts.queue !== undefined) && studies.length === 0)
    throw new InputError('solve', [
      `${opts.queue !== undefined ? `--queue: ${opts.queue}` : `--workers: ${opts.workers}`} — sends the draws of tolerance studies out, and no case here is one (give --samples N, or use stackpress batch for many plain cases)`,
    ]);
  for (const { file, name } of [...loaded, ...studies]) {
    const note = folderNameNote(file, name);
    if (note) process.stderr.write(`stackpress: ${note}\n`);
  }
  // plain cases first, then the studies: a study solves draw after draw without returning to the
  // event loop, so it runs outside the Ctrl-C latch of the plain cases, and Ctrl-C stops it at
  // once (its folder is written whole or not at all)
  const interrupted = loaded.length > 0 && (await solveCases(loaded, opts, limits));
  if (studies.length > 0 && opts.film)
    process.stderr.write(
      `stackpress: --film ${opts.film} draws the maps of solved cases; a study's spread maps stay on the pressure scale in MPa\n`,
    );
  if (studies.length > 0 && !interrupted) {
    const { runStudies } = await import('./solveStudyAction');
    const withFailures = await runStudies(studies, flags, {
      out: opts.out,
      threads: opts.threads,
      limits,
      runner: opts,
    });
    if (withFailures > 0) process.exitCode = 1;
  }
}

/** Whether a case has a `tolerances` block: `solve` then runs it as a tolerance study. */
function hasTolerancesBlock(raw: unknown): boolean {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'tolerances' in raw;
}

/** Solve plain cases in turn on one solver session and write their folders under `opts.out`; true when interrupted. */
async function solveCases(
  loaded: { file: string; raw: unknown; name: string }[],
  opts: SolveOptions,
  limits: { maxMemoryMiB?: number },
): Promise<boolean> {
  // one session for the run: cases on one mesh share its analysis; the helper thread loads
  // while the first model is built
  const threaded = createSolverSession(opts.threads);
  const interrupt = catchInterrupt();
  const done: { name: string; summary: CaseSummary }[] = [];
  let failed = 0;
  try {
    for (const { file, raw, name } of loaded) {
      if (interrupt.stopped) break;
      try {
        const hash = inputHash(raw);
        const result = solveCase(raw, {
          session: threaded.session,
          limits,
          shouldAbort: () => interrupt.stopped,
        });
        const dir = caseFolderIn(opts.out, name);
        await writeCaseFolder(dir, artifactsOf(result), { file, hash }, opts.film);
        done.push({ name, summary: result });
        for (const w of result.warnings) process.stderr.write(`stackpress: ${name}: warning: ${w}\n`);
      } catch (e) {
        if (e instanceof InputError) throw e;
        if (interrupt.stopped) break;
        failed++;
        process.stderr.write(`stackpress: ${file}: ${(e as Error).message}\n`);
      }
    }
  } finally {
    interrupt.dispose();
    await threaded.close();
  }
  if (done.length > 0)
    process.stdout.write(`${summaryTable(done)}\n\nwrote ${done.length} case folder(s) under ${opts.out}\n`);
  if (interrupt.stopped) {
    process.stderr.write(`stackpress: interrupted after ${done.length} of ${loaded.length} cases\n`);
    process.exitCode = 1;
  } else if (failed > 0) process.exitCode = 1;
  return interrupt.stopped;
}
