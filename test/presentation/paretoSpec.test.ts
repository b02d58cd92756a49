import { describe, expect, it } from 'vitest';
import { covAxisMax, type ParetoPoint, paretoChartSpec } from '../../src/presentation/figures/paretoSpec';

type Layer = {
  data: { values: Record<string, unknown>[] };
  mark: Record<string, unknown>;
  encoding: Record<string, unknown>;
};

const points: ParetoPoint[] = [
  { index: 0, efficiencyPct: 3.0, cov: 0.09, kind: 'front' },
  { index: 1, efficiencyPct: 2.5, cov: 0.06, kind: 'front' },
  { index: 2, efficiencyPct: 2.0, cov: 0.08, kind: 'feasible' },
  { index: 3, efficiencyPct: 4.0, cov: 0.2, kind: 'infeasible' },
  // a dome-bent plate: far beyond the limit
  { index: 4, efficiencyPct: 6.0, cov: 1.4, kind: 'infeasible' },
];

const layersOf = (spec: unknown) => (spec as { layer: Layer[] }).layer;

describe('paretoChartSpec', () => {
  const spec = paretoChartSpec(points, 'Pareto front: test', { chosen: 0, covLimit: 0.1, measure: 'mass' });
  const layers = layersOf(spec);

  it('plots efficiency [%] against CoV [-], the axis cut at four times the limit', () => {
    const enc = layers[0].encoding as {
      x: { field: string; title: string; scale: { domain: number[] } };
      y: { title: string };
    };
    expect(enc.x.field).toBe('cov');
    expect(enc.x.title).toBe('CoV of the cell pressure after swelling [-]');
    expect(enc.y.title).toBe('cell-to-module efficiency by mass [%]');
    // 0.4 = 4 × 0.1: the 1.4 design is left out and counted in the subtitle
    expect(enc.x.scale.domain).toEqual([0, 0.4]);
    const shown = layers.flatMap((l) => l.data.values.map((v) => v.index)).filter((i) => i !== undefined);
    expect(shown).not.toContain(4);
    const subtitle = (spec as { title: { subtitle: string[] } }).title.subtitle[0];
    expect(subtitle).toContain('1 with CoV > 0.400 not shown');
    expect(subtitle).toContain('3 feasible of 5 solved designs');
  });

  it('draws infeasible designs faint, the front joined in CoV order, the limit and the chosen design', () => {
    const infeasible = layers.find((l) => l.data.values.some((v) => v.index === 3))!;
    expect(infeasible.mark.opacity).toBeLessThan(0.5);
    const front = layers.find((l) => l.mark.type === 'line')!;
    expect(front.data.values.map((v) => v.index)).toEqual([1, 0]);
    const rule = layers.find((l) => l.mark.type === 'rule')!;
    expect(rule.data.values[0].cov).toBe(0.1);
    const label = layers.find(
      (l) => l.mark.type === 'text' && String(l.data.values[0].text).startsWith('chosen'),
    )!;
    expect(label.data.values[0].text).toBe('chosen #0: 3.00 %, CoV 0.090');
  });

  it('says so when no design qualifies, and keeps a small spread readable', () => {
    const none = paretoChartSpec(points.slice(0, 3), 't', { covLimit: 0.1, measure: 'volume' });
    const sub = (none as { title: { subtitle: string[] } }).title.subtitle[0];
    expect(sub).toContain('no feasible design within the CoV limit');
    expect(layersOf(none).some((l) => String(l.data.values[0]?.text ?? '').startsWith('chosen'))).toBe(false);
    // all points at small CoV: the axis still reaches past the limit, so the limit is visible
    expect(covAxisMax([{ index: 0, efficiencyPct: 1, cov: 0.01, kind: 'front' }], 0.1)).toBeCloseTo(0.15, 12);
  });
});
