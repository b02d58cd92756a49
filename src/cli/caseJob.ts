import type { FilmGrade } from '../report/colormap';

/** One case for a worker: the resolved raw case, and where to write its folder (none: summary only). */
export interface CaseJob {
  id: number;
  raw: unknown;
  /** result folder; omitted for sweeps, which only need the summary */
  outDir?: string;
  /** input provenance written into result.json */
  input: { file: string; hash: string };
  film?: FilmGrade;
  /** send the folder's contents back instead of writing it (a remote worker) */
  returnArtifacts?: boolean;
  /** give up on the solve after this time (epoch ms) */
  deadline?: number;
}

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
