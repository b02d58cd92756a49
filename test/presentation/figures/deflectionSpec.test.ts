import { describe, expect, it } from 'vitest';
import { deflectionSpec } from '../../../src/presentation/figures/deflectionSpec';
import { figureSvg } from '../../../src/presentation/figures/figureSvg';
import { syntheticFields } from './syntheticFields';

/** The colour bars of a figure: each is a view named colour_bar_<id>, whose strip's marks carry the name. */
const colourBars = (svg: string) =>
  new Set([...svg.matchAll(/colour_bar_([A-Za-z0-9]+)_layer_0_marks/g)].map((m) => m[1]));
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('deflection figure', () => {
  it('has one colour bar per plate, each titled with its plate, in µm', async () => {
    const svg = await figureSvg(
      deflectionSpec({ fields: syntheticFields(), caseName: 's', state: 'loadUp', cells: 'image' }),
    );
    expect(colourBars(svg)).toEqual(new Set(['w0', 'w1']));
    const t = texts(svg);
    expect(t).toContain('w [µm], top plate');
    expect(t).toContain('w [µm], bottom plate');
    // by hand: the top plate's bowl runs from −10 µm at the centre to 0 at (0, 0)… corners of the
    // 150 mm plate, the bottom plate's tilt from 0 to 4 µm
    expect(t).toContain('top plate: w from −10.0 to 0.00 µm');
    expect(t).toContain('bottom plate: w from 0.00 to 4.00 µm');
    expect(t.filter((s) => s === 'x [mm]')).toHaveLength(2);
  });

  it('draws four plates of an interleaved stack in four panels, and leaves a rigid base out', async () => {
    const four = syntheticFields({ plates: ['top plate', 'interleaf 1', 'interleaf 2', 'bottom plate'] });
    const svg = await figureSvg(
      deflectionSpec({ fields: four, caseName: 's', state: 'loadUp', cells: 'image' }),
    );
    expect(colourBars(svg)).toEqual(new Set(['w0', 'w1', 'w2', 'w3']));
    const onBase = syntheticFields({ plates: ['top plate'], rigidBase: true });
    const svg1 = await figureSvg(
      deflectionSpec({ fields: onBase, caseName: 's', state: 'loadUp', cells: 'image' }),
    );
    expect(colourBars(svg1)).toEqual(new Set(['w0']));
    expect(svg1).not.toContain('rigid base');
  });

  it('refuses the swollen state of a case that does not swell', () => {
    expect(() => deflectionSpec({ fields: syntheticFields(), caseName: 's', state: 'swollen' })).toThrow(
      /does not swell/,
    );
  });
});
