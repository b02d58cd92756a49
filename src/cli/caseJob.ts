import { InvalidArgumentError } from 'commander';
import type { FilmGradeId } from '../presentation/film';

/** One case for a worker: the resolved raw case, and where to write its folder (none: summary only). */
export interface CaseJob {
  id: number;
  raw: unknown;
  /** result folder; omitted for sweeps, which only need the summary */
  outDir?: string;
  /** input provenance written into result.json */
  input: { file: string; hash: string };
  film?: FilmGradeId;
  /** send the folder's contents back instead of writing it (a remote worker) */
  returnArtifacts?: boolean;
  /** time limit of the whole case — checks, solve and writing [ms]; none: no limit */
  timeoutMs?: number;
  /** work limits of the case checks (memory budget); none: the defaults */
  limits?: import('../case/workBudget').WorkLimits;
}

/**
 * What a solver thread answers a job with: first `started` (its clock starts then, not while the
 * thread is still loading), then the outcome.
 */
export type ThreadMessage = { started: true } | CaseOutcome;

/** A worker's answer for one job. */
export type CaseOutcome =
  | {
      id: number;
      status: 'ok';
      summary: import('../solveCase').CaseSummary;
      artifacts?: import('../report/caseArtifacts').EncodedArtifacts;
    }
  | { id: number; status: 'failed'; error: string; errorName?: string }
  | { id: number; status: 'aborted' };

/** `errorName` of a case that ran out of time. */
export const TIMEOUT_ERROR = 'Timeout';

/** The error of a case that ran out of time, e.g. "timed out after 1.5 s". */
export function timedOutMessage(timeoutMs: number): string {
  return `timed out after ${Number((timeoutMs / 1000).toFixed(3))} s`;
}

/** Longest per-case time limit [ms]: what a Node timer can hold (≈ 24.8 days). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** commander parser for a per-case time limit in whole seconds, 1 up to MAX_TIMEOUT_MS. */
export function timeLimitSeconds(name: string) {
  const max = Math.floor(MAX_TIMEOUT_MS / 1000);
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(
        `${name} must be a whole number of seconds from 1 to ${max}, got "${v}"`,
      );
    return n;
  };
}
