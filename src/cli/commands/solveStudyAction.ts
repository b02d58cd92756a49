import { SingleBar } from 'cli-progress';
import type { SolverSession } from '../../../solver/session/solverSession';
import type { WorkLimits } from '../../case/workBudget';
import { buildModel } from '../../model/buildModel';
import type { StackGeometry } from '../../presentation/stackGeometry';
import { stackGeometryOf } from '../../presentation/stackGeometryOf';
import { writeToleranceFolder } from '../../report/toleranceFolder';
import { toleranceSummary } from '../../report/toleranceSummary';
import { createSolverSession } from '../../threads/factorThreads';
import { drawCase } from '../../tolerance/drawInputs';
import { type StudySettings, studySettings } from '../../tolerance/studySettings';
import type { ToleranceResult } from '../../tolerance/toleranceResult';
import { runToleranceStudy } from '../../tolerance/toleranceStudy';
import { InputError } from '../../validation/parseInput';
import { caseFolderIn } from '../caseName';
import { inputHash } from '../inputHash';

/** The CLI's overrides of a case's tolerances block. */
export interface StudyFlags {
  samples?: number;
  seed?: number;
}

/** A loaded case that runs as a study. */
export interface StudyCase {
  file: string;
  raw: unknown;
  /** its folder's name under --out */
  name: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Check a case for a study before anything is solved: the case, its block with the flags applied,
 * and the study's work budget. Throws InputError naming the file, field, value and range.
 */
export function checkStudyFile(
  file: string,
  raw: unknown,
  flags: StudyFlags,
  limits: WorkLimits,
): StudySettings {
  // a seed alone would start a study of the block's default 100 draws the user never asked for
  if (flags.seed !== undefined && flags.samples === undefined && !(isRecord(raw) && 'tolerances' in raw))
    throw new InputError(`case ${file}`, [
      `--seed: ${flags.seed} — the seed of a tolerance study; give --samples N (1–1000 draws) too, or a tolerances block in the case`,
    ]);
  try {
    return studySettings(raw, { ...flags, limits });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`case ${file}`, e.issues);
    throw e;
  }
}

/**
 * The case as the study ran it: the file's case with its tolerances block holding the samples
 * and seed used, so `stackpress solve case.json` in the study folder runs the same study again.
 */
function studiedCase(raw: unknown, samples: number, seed: number): unknown {
  if (!isRecord(raw)) return raw;
  const block = isRecord(raw.tolerances) ? raw.tolerances : {};
  return { ...raw, tolerances: { ...block, samples, seed } };
}

/** The stack the study's maps are drawn on: the case's, before any draw (a thickness draw moves it by microns). */
function stackOf(settings: StudySettings): StackGeometry {
  const c = settings.checked.case;
  return stackGeometryOf(c, buildModel(c));
}

/**
 * The progress of a study on stderr: a bar "draw 37/100, 0 failed" on a terminal; without one
 * (a log, CI) a line at every tenth of the draws, so a long study still shows it is alive.
 */
function drawProgress(name: string, total: number) {
  const stream = process.stderr;
  if (stream.isTTY !== true) {
    let logged = 0;
    return {
      update(done: number, { failed }: { failed: number }) {
        const tenth = Math.floor((10 * done) / total);
        if (tenth > logged) {
          logged = tenth;
          stream.write(`stackpress: ${name}: draw ${done}/${total}, ${failed} failed\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new SingleBar({
    format: `${name} {bar} {percentage}% | draw {value}/{total}, {failed} failed | ETA {eta_formatted}`,
    stream,
    hideCursor: true,
    etaBuffer: 16,
  });
  bar.start(total, 0, { failed: 0 });
  return bar;
}

/**
 * Run each study in turn on one solver session and write its folder under `out`, all files or
 * none; print its summary. Returns the number of studies that failed or have failed draws: a
 * study with failed draws is still written whole, its failed draws listed by index, and the run
 * exits 1; a study that fails as a whole is reported and the next one runs.
 */
export async function runStudies(
  studies: (StudyCase & { settings: StudySettings })[],
  flags: StudyFlags,
  opts: { out: string; threads: number; limits: WorkLimits },
): Promise<number> {
  const threaded = createSolverSession(opts.threads);
  let troubled = 0;
  try {
    for (const study of studies) {
      try {
        const failed = await runStudy(study, flags, opts, threaded.session);
        if (failed > 0) troubled++;
      } catch (e) {
        if (e instanceof InputError) throw e;
        troubled++;
        process.stderr.write(`stackpress: ${study.file}: ${(e as Error).message}\n`);
      }
    }
  } finally {
    await threaded.close();
  }
  return troubled;
}

/** One study: solve its draws with a progress bar, write its folder, print its summary; returns its failed draws. */
async function runStudy(
  { file, raw, name, settings }: StudyCase & { settings: StudySettings },
  flags: StudyFlags,
  opts: { out: string; limits: WorkLimits },
  session: SolverSession,
): Promise<number> {
  const bar = drawProgress(name, settings.tolerances.samples);
  let failed = 0;
  let result: ToleranceResult;
  try {
    result = runToleranceStudy(raw, {
      ...flags,
      session,
      limits: opts.limits,
      onDraw: (draw, done) => {
        if (draw.status === 'failed') failed++;
        bar.update(done, { failed });
      },
    });
  } finally {
    bar.stop();
  }
  const ran = studiedCase(raw, result.samples, result.seed);
  const failedInputs = new Map(
    result.failed.map((i) => [i, drawCase(settings.checked.case, settings.tolerances, i).input]),
  );
  const dir = caseFolderIn(opts.out, name);
  await writeToleranceFolder(dir, {
    result,
    stack: result.samples > result.failed.length ? stackOf(settings) : null,
    input: { file, hash: inputHash(ran) },
    case: ran,
    failedInputs,
  });
  process.stdout.write(`${toleranceSummary(result)}\nwrote the study folder ${dir}\n\n`);
  if (result.failed.length > 0)
    process.stderr.write(
      `stackpress: ${file}: ${result.failed.length} of ${result.samples} draws failed: ${result.failed.slice(0, 30).join(', ')}${result.failed.length > 30 ? ', …' : ''} (listed in ${dir}/samples.csv; rerun one alone with stackpress solve ${dir}/draw-${result.failed[0]}.json)\n`,
    );
  return result.failed.length;
}
