import type { Case } from '../../case/schema';
import { boltProofLoad } from '../../results/stateChecks';
import type { CaseSummary } from '../../solveCase';
import type { ResultFields } from '../resultFields';
import { balanceSection } from './balanceSection';
import { boltSection } from './boltSection';
import { effortSection } from './effortSection';
import { figuresSection, type ReportFigures } from './figuresSection';
import { historySection } from './historySection';
import { escapeHtml } from './htmlText';
import { inputsSection } from './inputsSection';
import { plateSection } from './plateSection';
import { pressureSection } from './pressureSection';
import { reportStyle } from './reportStyle';
import { titleSection } from './titleSection';
import { warningsSection } from './warningsSection';

export type { ReportFigures } from './figuresSection';

/** What a design report is made from; the caller solves or reads the result and renders the figures. */
export interface DesignReportInput {
  summary: CaseSummary;
  /** the resolved case (defaults filled in) the summary was solved from */
  caseInput: Case;
  fields: ResultFields;
  figures: ReportFigures;
  generatedAt: Date;
  toolVersion: string;
  /** sha256 (hex) of the resolved case */
  inputHash: string;
  /** where the result came from (a case file or a result folder), shown in the title block */
  source?: string;
}

/**
 * One self-contained HTML design report of a solved case: title block, inputs with units,
 * figures, pressure statistics, the life history (when the case has one), bolts and springs, plate stresses, warnings, force balance and
 * solver effort. Everything is inline (style sheet, figures as data URLs), so the file opens and
 * prints anywhere without a network. Every string from the case is escaped. Pure: the same input
 * gives the same text, in Node and in the browser.
 */
export function designReportHtml(input: DesignReportInput): string {
  const { summary, caseInput: c, fields } = input;
  const { history } = summary;
  type Part = [string, (n: number) => string];
  // only a case with a life history has its section, so the other sections keep their numbers
  const historyPart: Part[] = history
    ? [['history', (n) => historySection(n, history, input.figures.history)]]
    : [];
  // numbered from 2: the title block is the first
  const parts: Part[] = [
    ['inputs', (n) => inputsSection(n, c, fields)],
    ['figures', (n) => figuresSection(n, input.figures, fields)],
    ['pressure', (n) => pressureSection(n, summary, c.output.contactThreshold)],
    ...historyPart,
    ['bolts', (n) => boltSection(n, summary, c)],
    ['plates', (n) => plateSection(n, summary, 'rigid' in c.plates.bottom)],
    ['warnings', (n) => warningsSection(n, summary.warnings)],
    ['balance', (n) => balanceSection(n, summary)],
    ['effort', (n) => effortSection(n, summary)],
  ];
  const sections = parts.map(([, section], i) => section(i + 2));
  const title = titleSection({
    summary,
    description: c.description,
    generatedAt: input.generatedAt,
    toolVersion: input.toolVersion,
    inputHash: input.inputHash,
    source: input.source,
    proofLoad: boltProofLoad(c),
    warningsSection: parts.findIndex(([id]) => id === 'warnings') + 2,
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="stackpress ${escapeHtml(input.toolVersion)}">
<title>${escapeHtml(`${summary.name} — stack-pressure design report`)}</title>
<style>${reportStyle(summary.name)}</style>
</head>
<body>
<main>
${title}
${sections.join('\n')}
</main>
</body>
</html>
`;
}
