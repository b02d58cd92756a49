import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { figureSvg } from '../../../src/presentation/figures/figureSvg';
import { historySpec, verdictWords, worstWords } from '../../../src/presentation/figures/historySpec';
import { historyAxis } from '../../../src/presentation/figures/historyTimeAxis';
import { syntheticHistory } from '../syntheticHistory';

type Layer = {
  data?: { values: Record<string, unknown>[] };
  mark: { type: string; [k: string]: unknown };
  encoding: Record<string, { axis?: { title?: string } } & Record<string, unknown>>;
};
type Chart = { vconcat: { layer: Layer[] }[]; title: { text: string; subtitle: string[] } };
const chartOf = (spec: TopLevelSpec) => spec as unknown as Chart;
const axisTitles = (c: Chart) =>
  c.vconcat.flatMap((p) =>
    p.layer.flatMap((l) =>
      Object.values(l.encoding)
        .map((e) => e?.axis?.title)
        .filter((t): t is string => typeof t === 'string'),
    ),
  );

describe('historySpec: the cell pressure over a life history', () => {
  const h = syntheticHistory();
  const spec = historySpec({ history: h, caseName: 'synthetic' });
  const chart = chartOf(spec);
  const [pressure, bolts] = chart.vconcat;

  it('draws the window as a band from 4 to 6 MPa with both edges named in MPa', () => {
    const band = pressure.layer.find((l) => l.mark.type === 'rect');
    expect(band?.data?.values).toEqual([{ lo: 4, hi: 6 }]);
    const rules = pressure.layer.find((l) => l.mark.type === 'rule');
    expect(rules?.data?.values).toEqual([{ v: 4 }, { v: 6 }]);
    const labels = pressure.layer.filter((l) => l.mark.type === 'text').flatMap((l) => l.data?.values ?? []);
    expect(labels.map((v) => v.text)).toEqual(
      expect.arrayContaining([
        ['window max', '6.00 MPa'],
        ['window min', '4.00 MPa'],
      ]),
    );
  });

  it('rings the two states outside the window at their means, and names the worst', () => {
    const rings = pressure.layer.find((l) => l.mark.type === 'point' && l.mark.shape === 'circle');
    expect(rings?.data?.values.map((v) => v.v)).toEqual([6.5, 3.8]);
    const worst = pressure.layer.find((l) => l.mark.type === 'point' && l.mark.shape === 'diamond');
    expect(worst?.data?.values).toEqual([
      { x: 57, v: 6.5, text: 'worst: cycle 10 charged, 6.50 MPa: 0.500 MPa above 6.00 MPa' },
    ]);
    expect(worstWords(h)).toBe('cycle 10 charged, 6.50 MPa: 0.500 MPa above 6.00 MPa');
  });

  it('has the mean, p5–p95 and min–max of every state, and the bolt tension below', () => {
    const mean = pressure.layer.find((l) => l.mark.type === 'line');
    expect(mean?.data?.values.map((r) => r.mean)).toEqual([5.0, 5.6, 4.9, 6.5, 4.5, 5.2, 3.8]);
    const areas = pressure.layer
      .filter((l) => l.mark.type === 'area')
      .map((l) => [l.encoding.y.field, l.encoding.y2.field]);
    expect(areas).toEqual([
      ['min', 'max'],
      ['p5', 'p95'],
    ]);
    expect(bolts.layer.find((l) => l.mark.type === 'line')?.encoding.y.field).toBe('boltMean');
  });

  it('scales the pressure axis to the window and the means, with 30 % of their span around them, and cuts the bands', () => {
    // means 3.8 … 6.5 MPa and the window 4–6 MPa: span 2.7, margin 0.81
    const mean = pressure.layer.find((l) => l.mark.type === 'line') as unknown as {
      encoding: { y: { scale: { domain: number[] } } };
    };
    const [lo, hi] = mean.encoding.y.scale.domain;
    expect(lo).toBeCloseTo(3.8 - 0.81, 12);
    expect(hi).toBeCloseTo(6.5 + 0.81, 12);
    // min–max runs from 0.6 × 3.8 = 2.28 to 1.4 × 6.5 = 9.1 MPa: beyond the axis, so said so
    expect(chart.title.subtitle[1]).toContain('bands cut at the axis: min–max 2.28 to 9.10 MPa');
    for (const area of pressure.layer.filter((l) => l.mark.type === 'area'))
      expect(area.mark.clip).toBe(true);
  });

  it('names every axis with its unit', () => {
    expect(axisTitles(chart)).toEqual(
      expect.arrayContaining([
        'cell pressure [MPa]',
        'bolt tension [N]',
        'time since load-up [h], logarithmic above 3.00 h',
      ]),
    );
  });

  it('gives the case and the verdict in a few words in the title block', () => {
    expect(chart.title.text).toBe('synthetic — cell pressure over the life history');
    expect(chart.title.subtitle[0]).toBe(verdictWords(h));
    expect(verdictWords(h)).toBe(
      '5 of 7 states (71.4 %) hold the mean in 4.00–6.00 MPa · worst: cycle 10 charged, 6.50 MPa: 0.500 MPa above 6.00 MPa · driven by cell breathing',
    );
  });

  it('rings p5 and p95 where the window judges them', () => {
    const p = syntheticHistory();
    p.window.statistic = 'p5p95';
    // p5 = 0.75·mean, p95 = 1.25·mean: 4.9 gives p5 3.675 < 4; 5.6 gives p95 7.0 > 6
    const rings = chartOf(historySpec({ history: p, caseName: 's' }))
      .vconcat[0].layer.find((l) => l.mark.type === 'point' && l.mark.shape === 'circle')
      ?.data?.values.map((v) => v.v as number);
    const expected = [5.0, 5.6, 4.9, 6.5, 4.5, 5.2, 3.8].flatMap((m) =>
      [0.75 * m, 1.25 * m].filter((v) => v < 4 || v > 6),
    );
    expect(rings).toEqual(expected);
  });

  it('draws no worst marker for a verdict naming a state the history lacks (an edited result.json)', () => {
    const odd = syntheticHistory();
    odd.verdict.worst.index = 99;
    const layers = chartOf(historySpec({ history: odd, caseName: 's' })).vconcat[0].layer;
    expect(layers.some((l) => l.mark.shape === 'diamond')).toBe(false);
  });

  it('compiles, and renders to an SVG with the window, the worst state and the axes', async () => {
    expect(() => compile(spec)).not.toThrow();
    const svg = await figureSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.length).toBeGreaterThan(10_000);
    for (const text of [
      'window max',
      'worst: cycle 10 charged',
      'cell pressure [MPa]',
      'bolt tension [N]',
      'outside the window',
    ])
      expect(svg, text).toContain(text);
  });
});

describe('historyAxis: what the chart plots its states against', () => {
  const h = syntheticHistory();
  it('takes a symmetric-log time axis when the times span two decades (3 h to 600 h), linear below 3 h', () => {
    const ax = historyAxis(h.states);
    expect(ax.scale).toMatchObject({ type: 'symlog', constant: 3, domain: [0, 600] });
    expect(ax.axis.values).toEqual([0, 1, 2, 5, 10, 20, 50, 100, 200, 500]);
    expect(ax.x).toEqual([0, 3, 6, 57, 60, 597, 600]);
  });

  it('stays linear for evenly spaced states, however many decades they span: 100 cycles of 4 h', () => {
    const states = Array.from({ length: 201 }, (_, i) => ({ ...h.states[0], index: i, time: 2 * i }));
    const ax = historyAxis(states);
    expect(ax.scale).toMatchObject({ type: 'linear', domain: [0, 400] });
    expect(ax.axis.values).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400]);
  });

  it('stays linear over less than two decades', () => {
    const ax = historyAxis(syntheticHistory({ times: [0, 10, 20, 30, 40, 50, 60] }).states);
    expect(ax.scale).toMatchObject({ type: 'linear', domain: [0, 60] });
    expect(ax.axis.title).toBe('time since load-up [h]');
  });

  it('plots the state index when no state has a time', () => {
    const ax = historyAxis(syntheticHistory({ times: [0, 0, 0, 0, 0, 0, 0] }).states);
    expect(ax.x).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(ax.axis.title).toMatch(/^state \[-\]/);
    expect(ax.scale).toMatchObject({ type: 'linear', domain: [0, 6] });
  });
});
