import { describe, expect, it } from 'vitest';
import type { ModuleResult } from '../../../src/module/result';
import { efficiencyChartSpec } from '../../../src/presentation/figures/efficiencySpec';
import { figureSvg } from '../../../src/presentation/figures/figureSvg';

const rows = [1, 3, 10, 30, 100].map(
  (p) =>
    ({
      systemKWh: 10,
      pressureMPa: p,
      massEfficiency: 0.8 - 0.1 * Math.log10(p),
      volumeEfficiency: 0.6,
    }) as ModuleResult,
);

/** The y [px] of the SVG text `label`, from its transform="translate(x,y)". */
function textY(svg: string, label: string): number {
  const m = new RegExp(
    `<text[^>]*transform="translate\\(([-\\d.]+),([-\\d.]+)\\)"[^>]*>${label}</text>`,
  ).exec(svg);
  if (!m) throw new Error(`no text ${label}`);
  return Number(m[2]);
}

describe('efficiency chart', () => {
  it('marks this case above the plot, clear of the curves, with tooltips on the points', async () => {
    const spec = efficiencyChartSpec(rows, 10, 'plates-only', { thisCase: { pressureMPa: 5 } });
    const svg = await figureSvg(spec);
    expect(svg).toContain('this case, 5.00 MPa');
    // above the plot area: its y in the plot's frame is negative
    expect(textY(svg, 'this case, 5.00 MPa')).toBeLessThan(0);
    expect(svg).toContain('>stack pressure [MPa]<');
    expect(svg).toContain('>conversion efficiency [%]<');
    expect(JSON.stringify(spec)).toContain('"title":"p [MPa]"');
  });

  it('draws no marker without a case, and none for a pressure that is not positive', async () => {
    for (const thisCase of [undefined, { pressureMPa: 0 }, { pressureMPa: Number.NaN }]) {
      const svg = await figureSvg(efficiencyChartSpec(rows, 10, 's', { thisCase }));
      expect(svg).not.toContain('this case');
    }
  });
});
