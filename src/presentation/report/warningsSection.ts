import { escapeHtml } from './htmlText';
import { reportSection } from './reportTable';

/** The design warnings, each as the solve stated it, or "none". */
export function warningsSection(number: number, warnings: readonly string[]): string {
  const content =
    warnings.length === 0
      ? '<p class="none">none</p>'
      : `<ul class="warnings">\n${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('\n')}\n</ul>`;
  return reportSection('warnings', number, 'Warnings', content);
}
