import { escapeHtml } from './htmlText';

/** A column: its header and unit (printed under the header in brackets), numbers right-aligned. */
export interface Column {
  header: string;
  unit?: string;
  /** text columns are left-aligned; the default is a number */
  text?: boolean;
}

/** A cell: plain text (escaped here), or text flagged as beyond a design limit. */
export type Cell = string | { text: string; alert: true };

/**
 * An HTML table of plain-text cells; every cell and header is escaped. `lastIsTotal` sets the last
 * row off as a sum; `className` names the table for the style sheet.
 */
export function reportTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: { lastIsTotal?: boolean; className?: string } = {},
): string {
  const head = columns
    .map((c) => {
      const unit = c.unit ? `<span class="unit">[${escapeHtml(c.unit)}]</span>` : '';
      return `<th class="${c.text ? 'text' : 'num'}">${escapeHtml(c.header)}${unit}</th>`;
    })
    .join('');
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((cell, k) => {
          const cls = columns[k]?.text ? 'text' : 'num';
          if (typeof cell === 'string') return `<td class="${cls}">${escapeHtml(cell)}</td>`;
          return `<td class="${cls} alert">${escapeHtml(cell.text)}</td>`;
        })
        .join('');
      const total = options.lastIsTotal && r === rows.length - 1 ? ' class="total"' : '';
      return `<tr${total}>${cells}</tr>`;
    })
    .join('\n');
  const cls = options.className ? ` class="${escapeHtml(options.className)}"` : '';
  return `<table${cls}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * A two-column table of named quantities (name, value with unit), a row flagged `true` marked as
 * beyond a design limit; a value of over 24 characters without a space (a hash, a path) may wrap.
 */
export function quantityTable(rows: readonly (readonly [string, string, boolean?])[]): string {
  const body = rows
    .map(([name, value, alert]) => {
      const cls = `num${value.length > 24 && !value.includes(' ') ? ' long' : ''}${alert ? ' alert' : ''}`;
      return `<tr><th class="text" scope="row">${escapeHtml(name)}</th><td class="${cls}">${escapeHtml(value)}</td></tr>`;
    })
    .join('\n');
  return `<table class="quantities"><tbody>\n${body}\n</tbody></table>`;
}

/**
 * A report section: numbered heading, then its content (already HTML). A section that is `whole`
 * (the default) moves to the next page rather than split; a long one (inputs, many bolts) runs on.
 */
export function reportSection(
  id: string,
  number: number,
  title: string,
  content: string,
  whole = true,
): string {
  return `<section id="${escapeHtml(id)}"${whole ? ' class="whole"' : ''}>\n<h2><span class="number">${number}</span> ${escapeHtml(title)}</h2>\n${content}\n</section>`;
}
