import { describe, expect, it } from 'vitest';
import { designReportHtml } from '../../../src/presentation/report/designReport';
import { reportFigures } from '../../../src/presentation/report/reportFigures';
import { syntheticFields } from '../figures/syntheticFields';
import { syntheticHistory } from '../syntheticHistory';
import { handInput, handSummary } from './reportInput';

const decoded = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function section(html: string, id: string): string | null {
  const m = new RegExp(`<section id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  return m ? m[1] : null;
}

const rows = (html: string) =>
  [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      decoded(c[1].replace(/<[^>]+>/g, ' '))
        .replace(/[ \t\n\r]+/g, ' ')
        .trim(),
    ),
  );

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>history chart</text></svg>';

describe('the report of a case with a life history', () => {
  const history = syntheticHistory();
  const input = handInput({ summary: { ...handSummary(), history } });
  const html = designReportHtml({ ...input, figures: { ...input.figures, history: svg } });
  const body = section(html, 'history') ?? '';

  it('has a life-history section after the pressure statistics, the later sections renumbered', () => {
    const ids = [...html.matchAll(/<section id="(\w+)"/g)].map((m) => m[1]);
    expect(ids.slice(0, 5)).toEqual(['inputs', 'figures', 'pressure', 'history', 'bolts']);
    expect(html).toContain('<h2><span class="number">5</span> Life history</h2>');
    expect(html).toContain('<h2><span class="number">6</span> Bolts');
  });

  it('prints the verdict as the solve wrote it', () => {
    expect(decoded(body)).toContain(`<p class="verdict">${history.verdict.text}</p>`);
  });

  it('tables the first, worst and last states, the worst flagged outside the window', () => {
    const [header, ...table] = rows(body);
    expect(header.slice(0, 7)).toEqual([
      '',
      'state',
      'time [h]',
      'cycle [-]',
      'SOC [%]',
      'ΔT [K]',
      'mean [MPa]',
    ]);
    expect(table.map((r) => r.slice(0, 2))).toEqual([
      ['first', '0: load-up'],
      ['worst', '3: cycle 10 charged'],
      ['last', '6: cycle 100 discharged'],
    ]);
    expect(table[1][6]).toBe('6.500');
    expect(body).toMatch(/<td class="num alert">6\.500<\/td>/);
    expect(body).toMatch(/<td class="num alert">3\.800<\/td>/);
    expect(body).not.toMatch(/<td class="num alert">5\.000<\/td>/);
  });

  it('names a state once when it is both worst and last', () => {
    const h = syntheticHistory();
    h.verdict.worst = {
      index: 6,
      label: 'cycle 100 discharged',
      value: 3.8,
      limit: 4,
      side: 'below',
      excess: 0.2,
    };
    const one = designReportHtml(handInput({ summary: { ...handSummary(), history: h } }));
    expect(
      rows(section(one, 'history') ?? '')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['first', 'worst, last']);
  });

  it('calls the worst state the one nearest the edge when every state is inside', () => {
    const h = syntheticHistory();
    h.verdict.worst = {
      index: 5,
      label: 'cycle 100 charged',
      value: 5.2,
      limit: 6,
      side: 'above',
      excess: -0.8,
    };
    const all = designReportHtml(handInput({ summary: { ...handSummary(), history: h } }));
    expect(
      rows(section(all, 'history') ?? '')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['first', 'nearest the edge', 'last']);
  });

  it('shows the chart as a figure', () => {
    expect(body).toContain('<img src="data:image/svg+xml');
    expect(decoded(body)).toContain('Figure 5.1: cell pressure under the top plate');
  });

  it('has no such section without a history', () => {
    expect(section(designReportHtml(handInput()), 'history')).toBeNull();
  });

  it('draws the chart among the report figures only when the summary has a history', async () => {
    const fields = syntheticFields();
    const without = await reportFigures(fields);
    expect(without.history).toBeUndefined();
    const withHistory = await reportFigures(fields, { history });
    expect(withHistory.history).toContain('worst: cycle 10 charged');
  });
});
