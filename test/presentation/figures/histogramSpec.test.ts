import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { figureSvg } from '../../../src/presentation/figures/figureSvg';
import { histogramSpec, pressureHistogram } from '../../../src/presentation/figures/histogramSpec';
import { gridOf, syntheticFields } from './syntheticFields';

/**
 * By hand, for the synthetic field (1 mm grid over x, y ∈ [25, 125] mm, contact for x < 75): each
 * point stands for its cell, half a spacing each way and clipped at the footprint's edge, so the
 * open cells (x = 75 … 125) cover x from 74.5 to 125 mm: 50.5 mm of 100, 50.5 % of the footprint.
 */
const OPEN_PERCENT = 50.5;

describe('pressure histogram', () => {
  it('gives the open area its own share, equal to the open area fraction worked out by hand', () => {
    const { bins, openPercent } = pressureHistogram(syntheticFields().interfaces[0].grid);
    expect(openPercent).toBeCloseTo(OPEN_PERCENT, 9);
    const inBins = bins.reduce((s, b) => s + b.percent, 0);
    expect(inBins + openPercent).toBeCloseTo(100, 9);
  });

  it('weights by area: 1 MPa on the left half and 3 MPa on the right give bars of 49.5 % and 50.5 %', () => {
    // x < 75 at 1 MPa: the points x = 25 … 74 cover 25 … 74.5 mm, 49.5 % of the footprint
    const grid = gridOf(
      1,
      (x) => (x < 75 ? 1 : 3),
      () => true,
    );
    const { bins, openPercent } = pressureHistogram(grid);
    expect(openPercent).toBe(0);
    expect(bins[0].p0).toBeLessThanOrEqual(1);
    expect(bins[0].percent).toBeCloseTo(49.5, 9);
    expect(bins[bins.length - 1].p1).toBeGreaterThanOrEqual(3);
    expect(bins[bins.length - 1].percent).toBeCloseTo(50.5, 9);
    expect(bins.slice(1, -1).every((b) => b.percent === 0)).toBe(true);
  });

  it('draws the no-contact bar as tall as the open share on the shared axis, grey and labelled', async () => {
    const spec = histogramSpec({
      fields: syntheticFields(),
      interfaceIndex: 0,
      state: 'loadUp',
      caseName: 's',
    });
    const vg = compile(spec).spec;
    const open = (vg.data ?? [])
      .flatMap((d) => ('values' in d && Array.isArray(d.values) ? d.values : []))
      .find((v: { label?: string }) => v.label === 'no contact') as { percent: number } | undefined;
    expect(open?.percent).toBeCloseTo(OPEN_PERCENT, 9);
    const svg = await figureSvg(spec);
    expect(svg).toContain('>no contact<');
    expect(svg).toContain('>50.5 %<');
    expect(svg).toContain('>share of footprint area [%]<');
    expect(svg).toContain('>p [MPa]<');
    expect(svg).toContain('mean 1.48 MPa');
    expect(svg).toContain('#c8c8c8');
    // the y axis reaches past the open bar: 50.5 % × 1.12 = 56.6 %, up to the next 5 %
    expect(svg).toContain('>60<');
  });
});
