import type { CaseSummary } from '../../../src/index';
import type { ResultFields } from '../../../src/presentation/resultFields';

/** Where the shown result comes from: a solve in this page, or a result folder's files. */
export type ShownOrigin = 'solve' | 'file';

/** The one result every panel shows. */
export interface ShownResult {
  origin: ShownOrigin;
  caseName: string;
  /** the case input it was solved from (for a file: its case.json), or null when unknown */
  caseInput: unknown | null;
  summary: CaseSummary;
  /** the maps, or null for a result.json opened without its fields.json */
  fields: ResultFields | null;
  /** the page's solve number for a solve, null for a file */
  solveId: number | null;
  /** solve wall time [s] */
  seconds: number;
  /** canonical key of caseInput (`inputKey`), or null when caseInput is unknown */
  inputKey: string | null;
  /** the file names it was opened from (origin 'file') */
  files: string[];
}

/** The caption every panel shows: "default · solve #3" or "result.json of fig5b-bare (file)". */
export function shownCaption(shown: ShownResult): string {
  if (shown.origin === 'solve') return `${shown.caseName} · solve #${shown.solveId}`;
  return `${shown.files.join(' + ')} of ${shown.caseName} (file)`;
}
