import { warningLimits } from '../../results/stateChecks';
import type { CaseSummary } from '../../solveCase';
import { escapeHtml } from './htmlText';
import { factor, fixed, grouped, percent, UNIT_SPACE } from './quantityText';
import { quantityTable } from './reportTable';

export interface TitleBlock {
  summary: CaseSummary;
  /** the case's description, as written in it */
  description?: string;
  generatedAt: Date;
  toolVersion: string;
  /** sha256 (hex) of the resolved case */
  inputHash: string;
  /** where the result came from: a case file or a result folder */
  source?: string;
  /** proof load of one bolt [N] */
  proofLoad: number;
  /** the number of the section that lists the warnings */
  warningsSection: number;
}

/** "2026-12-02 00:55 UTC": a date that reads the same wherever the report is opened. */
export function reportDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return 'unknown date';
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The title block: case name and description, when and by which version it was solved and
 * reported, the input hash that identifies the resolved case, and the headline results a
 * reviewer looks for first.
 */
export function titleSection(t: TitleBlock): string {
  const s = t.summary;
  const sfMin = s.plates.reduce((m, p) => Math.min(m, p.safetyFactor), Number.MAX_VALUE);
  const final = s.swelling?.pressure ?? s.pressure;
  const rows: [string, string][] = [
    ['report generated', reportDate(t.generatedAt)],
    ['tool', `stackpress ${t.toolVersion}`],
    ['input hash (sha256 of the resolved case)', t.inputHash],
  ];
  if (t.source) rows.push(['source', t.source]);
  const headline: [string, string, boolean?][] = [
    ['mean cell pressure after load-up', `${fixed(s.pressure.mean, 3)}${UNIT_SPACE}MPa`],
    ['max/mean after load-up', fixed(s.pressure.maxOverMean, 3)],
    [
      'contact area after load-up',
      percent(s.pressure.contactFraction),
      s.pressure.contactFraction < warningLimits.contactFraction,
    ],
  ];
  if (s.swelling)
    headline.push(
      ['mean cell pressure after swelling', `${fixed(final.mean, 3)}${UNIT_SPACE}MPa`],
      ['max/mean after swelling', fixed(final.maxOverMean, 3)],
    );
  const highest = s.bolts.reduce((m, b) => Math.max(m, b.force, b.forceAfterSwelling), 0);
  headline.push(
    [
      'highest bolt tension',
      `${grouped(highest)}${UNIT_SPACE}N (${percent(highest / t.proofLoad)} of proof)`,
      highest > warningLimits.boltProofFraction * t.proofLoad,
    ],
    ['lowest plate safety factor', factor(sfMin), sfMin < warningLimits.safetyFactor],
    [
      'warnings',
      s.warnings.length === 0 ? 'none' : `${s.warnings.length}, listed in section ${t.warningsSection}`,
      s.warnings.length > 0,
    ],
  );
  const description = t.description ? `<p class="description">${escapeHtml(t.description)}</p>` : '';
  return `<header id="title">
<p class="kicker">Stack-pressure design report</p>
<h1>${escapeHtml(s.name)}</h1>
${description}
<div class="title-grid">
<div>${quantityTable(rows)}</div>
<div><h3>Key results</h3>${quantityTable(headline)}</div>
</div>
</header>`;
}
