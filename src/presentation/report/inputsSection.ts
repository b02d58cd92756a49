import type { Case } from '../../case/schema';
import type { ResultFields } from '../resultFields';
import { caseInputRows } from './caseInputRows';
import { escapeHtml } from './htmlText';
import { fixed } from './quantityText';
import { reportSection, reportTable } from './reportTable';

/**
 * The inputs: every field of the resolved case with its unit, grouped as the case file groups
 * them, then the stack as the model built it (plate layers top down, cells per interface).
 */
export function inputsSection(number: number, c: Case, fields: ResultFields): string {
  let group = '';
  const body: string[] = [];
  for (const row of caseInputRows(c)) {
    if (row.group !== group) {
      group = row.group;
      body.push(`<tr class="group"><th colspan="3" class="text">${escapeHtml(group)}</th></tr>`);
    }
    body.push(
      `<tr><td class="text path">${escapeHtml(row.path)}</td><td class="text">${escapeHtml(row.value)}</td><td class="text unit">${escapeHtml(row.unit)}</td></tr>`,
    );
  }
  const inputs = `<table class="inputs"><thead><tr><th class="text">field</th><th class="text">value</th><th class="text">unit</th></tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
  const layers = reportTable(
    [
      { header: 'plate layer, top down', text: true },
      { header: 'thickness', unit: 'mm' },
      { header: 'cells below it' },
    ],
    fields.layers.map((l, i) => [
      l.rigid ? `${l.name} (rigid base)` : l.name,
      l.rigid ? '—' : fixed(l.thickness, 2),
      i < fields.cellsPerInterface.length ? String(fields.cellsPerInterface[i]) : '—',
    ]),
  );
  return reportSection(
    'inputs',
    number,
    'Inputs',
    `<p class="note">The resolved case: every field with its default filled in, as it was solved.</p>\n${inputs}\n<h3>Stack as modelled</h3>\n${layers}`,
    false,
  );
}
