import { describe, expect, it } from 'vitest';
import { designReportHtml } from '../../../src/presentation/report/designReport';
import { defaultCase, handFields, handInput, handSummary } from './reportInput';

/** narrow no-break space (digit groups), no-break space (before units), minus sign */
const G = '\u202f';
const S = '\u00a0';
const M = '\u2212';

const htmlDecoded = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The HTML of one section (or the title header). */
function section(html: string, id: string): string {
  const m = new RegExp(`<(section|header) id="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  if (!m) throw new Error(`no section ${id}`);
  return m[2];
}

/** The plain text of each table row of a section: one array of cells per row. */
function rows(html: string, id: string): string[][] {
  return [...section(html, id).matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      htmlDecoded(c[1].replace(/<[^>]+>/g, ' '))
        .replace(/[ \t\n\r]+/g, ' ')
        .trim(),
    ),
  );
}

const text = (html: string, id: string) =>
  htmlDecoded(section(html, id).replace(/<[^>]+>/g, ' ')).replace(/[ \t\n\r]+/g, ' ');

describe('the design report', () => {
  const html = designReportHtml(handInput());

  it('has the title block and the eight numbered sections in order', () => {
    const ids = [...html.matchAll(/<(?:section|header) id="(\w+)"[^>]*>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'title',
      'inputs',
      'figures',
      'pressure',
      'bolts',
      'plates',
      'warnings',
      'balance',
      'effort',
    ]);
    const headings = [...html.matchAll(/<h2><span class="number">(\d+)<\/span> ([^<]+)<\/h2>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(headings).toEqual([
      '2 Inputs',
      '3 Figures',
      '4 Pressure statistics',
      '5 Bolts and springs',
      '6 Plate stress and safety factors',
      '7 Warnings',
      '8 Force balance',
      '9 Solver effort',
    ]);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('titles the case with its date, tool version and input hash', () => {
    const t = text(html, 'title');
    expect(section(html, 'title')).toContain('<h1>default</h1>');
    expect(t).toContain('2026-12-02 00:55 UTC');
    expect(t).toContain('stackpress 0.1.0');
    expect(t).toContain('c15b3f3a82737051a0f432f7811d38fb5c41e85a1492f0c85893f9748916065e');
    expect(t).toContain('cases/default.json');
    expect(t).toContain(`5.007${S}MPa`);
    // the highest tension of either state: bolt 1 after swelling, 6705.2 N of 34 404 N
    expect(t).toContain(`highest bolt tension 6${G}705${S}N (19.5${S}% of proof)`);
    expect(t).toContain('Default module: lab module');
  });

  it('lists the inputs with the units of the case schema', () => {
    const r = rows(html, 'inputs');
    const byPath = new Map(r.map((row) => [row[0], row.slice(1)]));
    expect(byPath.get('plates.top.thickness')).toEqual(['25', 'mm']);
    expect(byPath.get('plates.top.flatness.rms')).toEqual(['4', 'µm']);
    expect(byPath.get('bolts.preload.force')).toEqual(['6250', 'N']);
    expect(byPath.get('bolts.springs.rate')).toEqual(['10000', 'N/mm']);
    expect(byPath.get('stack.swelling.value')).toEqual(['0.02', 'mm']);
    expect(byPath.get('gaskets[0].law.hardness')).toEqual(['40', 'Shore A']);
    expect(byPath.get('solver.tolerance')).toEqual([`1e${M}9`, '']);
    expect(byPath.get('bolts.positions')?.[0]).toBe('8 bolts, listed in the bolt table');
    expect(byPath.get('plates.top.material')?.[0]).toBe(
      `carbon-steel (E 200${G}000${S}MPa, ν 0.29, yield 355${S}MPa, 7${G}850${S}kg/m³)`,
    );
    // the stack as modelled: both plates, 6 cells under the top one
    expect(r).toContainEqual(['top plate', '25.00', '6']);
    expect(r).toContainEqual(['bottom plate', '25.00', '—']);
  });

  it('embeds the four figures as SVG data URLs with captions', () => {
    const figures = section(html, 'figures');
    const urls = [...figures.matchAll(/<img src="([^"]+)"/g)].map((m) => htmlDecoded(m[1]));
    expect(urls).toHaveLength(4);
    const decoded = urls.map((u) =>
      decodeURIComponent(u.replace(/^data:image\/svg\+xml;charset=utf-8,/, '')),
    );
    expect(decoded.map((d) => /<text>([^<]+)<\/text>/.exec(d)?.[1])).toEqual([
      'pressure-load-up',
      'pressure-swollen',
      'deflection',
      'histogram',
    ]);
    // no XML declaration inside the image, and the SVG namespace added for a standalone document
    for (const d of decoded) expect(d.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text(html, 'figures')).toContain(
      'Figure 3.2: cell pressure under the top plate (cell stack (with pads)) after swelling',
    );
  });

  it('gives the pressure statistics per interface and state, with units', () => {
    const r = rows(html, 'pressure');
    expect(r[0]).toEqual([
      'interface',
      'state',
      'mean [MPa]',
      'min [MPa]',
      'max [MPa]',
      'std [MPa]',
      'CoV [-]',
      'max/mean [-]',
      'p5 [MPa]',
      'p95 [MPa]',
      'contact [%]',
      'within ±10 % [%]',
    ]);
    expect(r[1]).toEqual([
      'cell stack (with pads)',
      'after\u00a0load\u2011up',
      '5.007',
      '4.053',
      '6.354',
      '0.464',
      '0.093',
      '1.269',
      '4.231',
      '5.787',
      '100.0',
      '69.4',
    ]);
    expect(r[2].slice(1, 3)).toEqual(['after\u00a0swelling', '5.223']);
  });

  it('tabulates every bolt: tension, share of its proof load, spring compression and travel', () => {
    const r = rows(html, 'bolts');
    expect(r[0][3]).toBe('tension, load-up [N]');
    // bolt 1: 6437.4 N; M8 10.9 proof load 940 MPa × 36.6 mm² = 34 404 N → 18.7 %;
    // springs at 10 000 N/mm: 0.644 mm, 0.671 mm after swelling; 0.6705 of 0.9 mm travel = 74.5 %
    expect(r[1]).toEqual([
      '1',
      '12.5',
      '12.5',
      `6${G}437`,
      `6${G}705`,
      '18.7',
      '19.5',
      '0.644',
      '0.671',
      '74.5',
    ]);
    expect(r).toHaveLength(1 + 8 + 1);
    expect(r[9].slice(0, 5)).toEqual(['Σ', '', '', `50${G}070`, `52${G}229`]);
    const t = text(html, 'bolts');
    expect(t).toContain(`proof load 940${S}MPa × 36.6${S}mm² = 34${G}404${S}N`);
    expect(t).toContain(`in series 2${G}445${S}N/mm`);
  });

  it('gives plate stresses, safety factors and deflections in µm', () => {
    const r = rows(html, 'plates');
    expect(r[0]).toEqual([
      'plate',
      'von Mises max [MPa]',
      'yield [MPa]',
      'safety factor [-]',
      'w max [µm]',
      'w min [µm]',
      'w max − w min [µm]',
    ]);
    expect(r[1]).toEqual(['top plate', '46.7', '355', '7.60', `${M}178.1`, `${M}243.5`, '65.4']);
  });

  it('says "none" without warnings and lists each warning as stated', () => {
    expect(text(html, 'warnings').trim()).toBe('7 Warnings none');
    const summary = handSummary();
    summary.warnings = ['contact area (cell stack): 80.0 % of the footprint — below 95.0 %', 'second'];
    const w = designReportHtml(handInput({ summary }));
    expect([...section(w, 'warnings').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1])).toEqual(
      summary.warnings,
    );
  });

  it('gives the force balance per state and the support reaction', () => {
    const r = rows(html, 'balance');
    expect(r[0]).toEqual(['state', 'Σ bolt tension [N]', '∫p dA [N]', 'relative residual [-]']);
    expect(r[1]).toEqual(['after load-up', `50${G}070`, `50${G}067`, `1.0e${M}12`]);
    expect(r[2]).toEqual(['after swelling', `52${G}229`, `52${G}226`, `1.2e${M}12`]);
    expect(text(html, 'balance')).toContain(`2.4e${M}7 N`);
  });

  it('gives the solver effort', () => {
    const r = rows(html, 'effort');
    expect(r).toContainEqual(['degrees of freedom', `37${G}446`]);
    expect(r).toContainEqual(['non-zeros of the Cholesky factor (nnzL)', `1${G}546${G}053`]);
    expect(r).toContainEqual(['Newton iterations (all load steps)', '2']);
    expect(r).toContainEqual(['numeric factorizations', '1']);
    expect(r).toContainEqual(['load-up', '0.428 s']);
    expect(r).toContainEqual(['total', '1.380 s']);
  });

  it('leaves out the swelling columns and rows of a case that does not swell', () => {
    const summary = handSummary(false);
    const dry = designReportHtml(
      handInput({ summary, figures: { pressure: '<svg/>', deflection: '<svg/>', histogram: '<svg/>' } }),
    );
    expect(rows(dry, 'pressure')).toHaveLength(2);
    expect(rows(dry, 'bolts')[0]).not.toContain('tension, swelling [N]');
    expect(rows(dry, 'balance')).toHaveLength(2);
    expect([...section(dry, 'figures').matchAll(/<img /g)]).toHaveLength(3);
  });

  it('holds no reference to anything outside the file', () => {
    expect(html).not.toMatch(/<script|<link|@import|url\(|src="(?!data:)/i);
    // the only address is the SVG namespace, percent-encoded inside the data URLs
    expect(html.replace(/data:[^"]+/g, '')).not.toMatch(/https?:/);
  });
});

describe('the design report escapes every string that came from a case', () => {
  const hostile = '<script>alert(1)</script>"\'&';
  const c = defaultCase((raw) => {
    raw.name = hostile;
    raw.description = '</style><img src=x onerror=alert(2)>';
  });
  const summary = handSummary();
  summary.name = hostile;
  summary.warnings = ['<b onmouseover=alert(3)>bold</b>'];
  summary.interfaces[0].name = '<img src=y>';
  summary.plates[0].name = '<iframe>';
  const fields = handFields('<svg onload=alert(4)>');
  const html = designReportHtml(
    handInput({
      summary,
      caseInput: c,
      fields,
      source: '"><script>',
      figures: { pressure: 'no svg at all', deflection: '<svg/>', histogram: '<svg/>' },
    }),
  );

  it('in the text, the title and the footer', () => {
    expect(html).not.toMatch(/<script|<img src=[xy]|<iframe|<b onmouseover|<svg onload/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('&lt;/style&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;b onmouseover=alert(3)&gt;bold&lt;/b&gt;');
    // the footer's CSS string holds the name as hex escapes, so no quote or tag can leave it
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    expect(style).not.toMatch(/<|>/);
    expect(style).toContain('\\3c script\\3e ');
  });

  it('and a figure that is not an SVG is left out, not embedded', () => {
    expect(section(html, 'figures')).toContain('figure not available');
    expect(html).not.toContain('no svg at all');
  });
});

describe('a figure in the report', () => {
  it('takes the size of its drawing (its viewBox), so it is not shrunk into a smaller box', async () => {
    const { svgDataUrl } = await import('../../../src/presentation/report/figureImage');
    const url = svgDataUrl(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1075" height="700" viewBox="0 0 1649 664"><g/></svg>',
    );
    const svg = decodeURIComponent(url!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toBe(
      '<svg width="1649" height="664" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1649 664"><g/></svg>',
    );
    expect(svgDataUrl('<html>')).toBeNull();
  });
});

describe('the design report marks what is near a design limit', () => {
  it('a safety factor below 1.5, a bolt above 90 % of its proof load, a spring above 90 % of its travel', () => {
    const summary = handSummary();
    summary.plates[1].safetyFactor = 1.42;
    // 34 404 N proof load: 31 500 N is 91.6 %; its springs compress 3.15 mm, past the 0.9 mm travel
    summary.bolts[2].forceAfterSwelling = 31500;
    const html = designReportHtml(handInput({ summary }));
    const alerts = (id: string) =>
      [...section(html, id).matchAll(/<td class="num alert">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(alerts('plates')).toEqual(['1.42']);
    expect(alerts('bolts')).toEqual(['91.6', '350.0']);
  });

  it('says the plates bear on a rigid base when the case has one', () => {
    const c = defaultCase((raw) => {
      (raw.plates as Record<string, unknown>).bottom = { rigid: true };
    });
    expect(text(designReportHtml(handInput({ caseInput: c })), 'plates')).toContain(
      'rigid base, which does not deflect',
    );
    expect(text(designReportHtml(handInput()), 'plates')).toContain(
      'the bottom plate is held at three points',
    );
  });
});

describe('the key results of the title block', () => {
  it('mark a dead zone, a low safety factor and warnings, and point to the warnings section', () => {
    const summary = handSummary();
    summary.pressure.contactFraction = 0.8;
    summary.plates[0].safetyFactor = 1.2;
    summary.warnings = ['one', 'two'];
    const html = designReportHtml(handInput({ summary }));
    const marked = [
      ...section(html, 'title').matchAll(
        /<th class="text" scope="row">([^<]*)<\/th><td class="num alert">([^<]*)</g,
      ),
    ].map((m) => [m[1], htmlDecoded(m[2])]);
    expect(marked).toEqual([
      ['contact area after load-up', '80.0\u00a0%'],
      ['lowest plate safety factor', '1.20'],
      ['warnings', '2, listed in section 7'],
    ]);
  });
});
