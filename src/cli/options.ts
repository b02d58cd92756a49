import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option } from 'commander';
import { FILM_GRADES, type FilmGradeId } from '../presentation/film';

/** commander parser for a whole number ≥ 1. */
export function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(`${name} must be a whole number ≥ 1, got "${v}"`);
    return n;
  };
}

/** commander parser for `--film`: a Prescale grade, any case ("lw" is LW). */
export function filmGrade(v: string): FilmGradeId {
  const g = FILM_GRADES.find((f) => f.id === v.trim().toUpperCase());
  if (!g) {
    throw new InvalidArgumentError(`--film must be one of ${gradeList()}; got "${v}"`);
  }
  return g.id;
}

const gradeList = () => FILM_GRADES.map((f) => `${f.id} (${f.min}–${f.max} MPa)`).join(', ');

/** `--film GRADE`, as `solve` and `report` take it. */
export function filmOption(): Option {
  return new Option('--film <grade>', `draw the pressure maps as Prescale film: ${gradeList()}`).argParser(
    filmGrade,
  );
}

/** Default worker count: the number of cores. */
export const defaultJobs = availableParallelism();

/** Default factorization threads of a single solve: 2 (the helper thread) when there are 2 cores or more. */
export const defaultFactorThreads = Math.min(2, availableParallelism());

/** `--threads N` of a single solve; commander prints the default, which the text names as it differs per machine. */
export function factorThreadsOption(description: string): Option {
  return new Option('--threads <n>', description)
    .argParser(positiveInt('--threads'))
    .default(defaultFactorThreads, '2 on a machine with 2 cores or more, else 1');
}

/**
 * Factorization threads per solve when `lanes` solves run at once on this machine: a second
 * thread only where it has a core of its own.
 */
export function factorThreadsPerLane(lanes: number): number {
  return Math.max(1, Math.min(2, Math.floor(availableParallelism() / Math.max(1, lanes))));
}

/** `--max-memory <MiB>`: the work budget of a case (its estimated memory) that the checks allow. */
export const maxMemoryFlag = '--max-memory <MiB>';
export const maxMemoryHelp =
  'refuse a case whose estimated memory (mesh, factor, maps) is above this [MiB] (default 4096)';

/** commander parser for a positive number. */
export function positiveNumber(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+(\.\d+)?$/.test(v.trim()) || !(n > 0))
      throw new InvalidArgumentError(`${name} must be a number > 0, got "${v}"`);
    return n;
  };
}

/**
 * Most draws `--samples` takes: the `tolerances` block's own bound (`maxToleranceSamples` in the
 * case schema, not imported so that `--help` does not load the schema; a test keeps them equal).
 */
export const MAX_SAMPLES = 1000;

/** commander parser for `--samples N`: a whole number of draws from 1 to MAX_SAMPLES. */
export function sampleCount(v: string): number {
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isInteger(n) || n < 1 || n > MAX_SAMPLES)
    throw new InvalidArgumentError(
      `--samples must be a whole number of draws from 1 to ${MAX_SAMPLES}, got "${v}"`,
    );
  return n;
}

/** Largest study seed: the random generator's 32-bit signed seeds, as the case schema allows. */
const MAX_SEED = 2 ** 31 - 1;

/** commander parser for `--seed S`: a whole number from 0 to 2³¹ − 1. */
export function studySeed(v: string): number {
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isInteger(n) || n > MAX_SEED)
    throw new InvalidArgumentError(`--seed must be a whole number from 0 to ${MAX_SEED}, got "${v}"`);
  return n;
}

/** `--samples N` and `--seed S` of `solve`: a tolerance study of each case. */
export function studyOptions(): Option[] {
  return [
    new Option(
      '--samples <n>',
      `run a tolerance study of each case: N draws (1–${MAX_SAMPLES}) of its random inputs (preload scatter, random flatness, and what its tolerances block adds), each solved; writes samples.csv, tolerance.json and the spread figures (a case with a tolerances block runs its study without this option)`,
    ).argParser(sampleCount),
    new Option(
      '--seed <s>',
      `seed of the tolerance study (0–${MAX_SEED}; default the block's, else 1): the same seed gives the same draws on every machine`,
    ).argParser(studySeed),
  ];
}
