import type { CaseSummary } from '../solveCase';

const f = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/**
 * A plain-text table of the summaries, one row per case, for the terminal. Pressures in MPa,
 * bolt force in N, "Δw top" is the top plate's deflection range wMax − wMin in µm, time in s;
 * then the warnings, and the verdict of each case with a life history.
 */
export function summaryTable(rows: { name: string; summary: CaseSummary }[]): string {
  const header = [
    'case',
    'p mean',
    'p min',
    'p max',
    'max/mean',
    'CoV',
    'contact',
    '±10 %',
    'bolt [N]',
    'resid',
    'Δw top [µm]',
    'SF min',
    'warnings',
    'time [s]',
  ];
  const body = rows.map(({ name, summary: s }) => {
    // the top plate is the one pressed by the bolts; its deflection range is what bends the stack
    const top = s.plates.find((p) => p.name === 'top plate');
    const sf = Math.min(...s.plates.map((p) => p.safetyFactor));
    return [
      name,
      f(s.pressure.mean),
      f(s.pressure.min),
      f(s.pressure.max),
      f(s.pressure.maxOverMean),
      f(s.pressure.cov),
      `${f(100 * s.pressure.contactFraction, 1)} %`,
      `${f(100 * s.pressure.within10, 1)} %`,
      f(s.balance.boltForce, 0),
      s.balance.relResidual.toExponential(1),
      top ? f(1000 * (top.wMax - top.wMin), 1) : '—',
      f(sf, 2),
      String(s.warnings.length),
      f(s.effort.seconds, 1),
    ];
  });
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const warned = rows.filter(({ summary }) => summary.warnings.length > 0);
  // a summary from a worker older than histories has no key
  const lived = rows.filter(({ summary }) => summary.history != null);
  return [
    `pressures in MPa`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    ...(warned.length > 0 ? ['', 'warnings:'] : []),
    ...warned.flatMap(({ name, summary }) => summary.warnings.map((w) => `  ${name}: ${w}`)),
    ...(lived.length > 0 ? ['', 'life history (every state: history.csv):'] : []),
    ...lived.map(({ name, summary }) => `  ${name}: ${summary.history?.verdict.text}`),
  ].join('\n');
}
