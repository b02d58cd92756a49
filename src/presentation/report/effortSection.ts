import type { CaseSummary } from '../../solveCase';
import { escapeHtml } from './htmlText';
import { fixed, grouped } from './quantityText';
import { quantityTable, reportSection } from './reportTable';

/** Solver effort: problem size, factor fill, iterations and where the time went. */
export function effortSection(number: number, summary: CaseSummary): string {
  const s = summary.solver;
  const e = summary.effort;
  const seconds = (v: number) => `${fixed(v, 3)} s`;
  const size = quantityTable([
    ['degrees of freedom', grouped(s.dofs)],
    ['non-zeros of the Cholesky factor (nnzL)', grouped(s.nnzL)],
    ['factorization work', `${fixed(s.flops / 1e9, 2)} Gflop`],
    ['numeric factorizations', grouped(s.factorizations)],
    ['Newton iterations (all load steps)', grouped(s.newtonIterations)],
    ['factorization threads', String(e.factorThreads)],
    ['factorizations reused from the session', grouped(e.factorizationsReused)],
  ]);
  const p = e.phases;
  const time = quantityTable([
    ['validation', seconds(p.validate)],
    ['model', seconds(p.model)],
    ['solver set-up (ordering, symbolic analysis, assembly)', seconds(p.setup)],
    ['load-up', seconds(p.loadUp)],
    ['swelling', seconds(p.swelling)],
    ['results', seconds(p.results)],
    ['total', seconds(e.seconds)],
  ]);
  const note =
    'Times depend on the machine and on what the solver session held before; the rest is the same on every machine.';
  return reportSection(
    'effort',
    number,
    'Solver effort',
    `<div class="two-columns"><div>${size}</div><div><h3>Time</h3>${time}</div></div>\n<p class="note">${escapeHtml(note)}</p>`,
  );
}
