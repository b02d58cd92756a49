import type { CaseSummary, ForceBalance } from '../../solveCase';
import { LOAD_STATE_LABEL } from '../resultFields';
import { escapeHtml } from './htmlText';
import { exponent, grouped } from './quantityText';
import { type Column, reportSection, reportTable } from './reportTable';

const columns: Column[] = [
  { header: 'state', text: true },
  { header: 'Σ bolt tension', unit: 'N' },
  { header: '∫p dA', unit: 'N' },
  { header: 'relative residual', unit: '-' },
];

const balanceRow = (state: string, b: ForceBalance): string[] => [
  state,
  grouped(b.boltForce),
  grouped(b.contactForce),
  exponent(b.relResidual),
];

/**
 * The force balance per load state: the bolts' total tension against the pressure integrated
 * over the cells; the two agree to the solver tolerance or the result would have been refused.
 */
export function balanceSection(number: number, summary: CaseSummary): string {
  const rows = [balanceRow(LOAD_STATE_LABEL.loadUp, summary.balance)];
  if (summary.swelling) rows.push(balanceRow(LOAD_STATE_LABEL.swollen, summary.swelling.balance));
  const reaction = summary.solver.supportReaction;
  const scale = summary.balance.boltForce;
  const note = `relative residual = |Σ bolt tension − ∫p dA| / Σ bolt tension. Largest reaction at the rigid-body supports over ${summary.swelling ? 'both states' : 'the state'}: ${exponent(reaction)} N (${exponent(scale > 0 ? reaction / scale : 0)} of the bolt load); the loads balance themselves, so it is close to zero.`;
  return reportSection(
    'balance',
    number,
    'Force balance',
    `${reportTable(columns, rows)}\n<p class="note">${escapeHtml(note)}</p>`,
  );
}
