import { beforeAll, describe, expect, it } from 'vitest';
import {
  COLOUR_TABLE_SIZE,
  NO_CONTACT_COLOUR,
  scaleColour,
  valueColour,
} from '../../../src/presentation/colourScale';
import { figureSvg } from '../../../src/presentation/figures/figureSvg';
import { pressureMapSpec } from '../../../src/presentation/figures/pressureMapSpec';
import { filmPressureColour } from '../../../src/presentation/film';
import { figurePng } from '../../../src/report/figurePng';
import { distance, Pixels } from './figurePixels';
import { BOLTS, syntheticFields } from './syntheticFields';

/**
 * The synthetic field: footprint (25, 25)–(125, 125) mm at 1 mm, contact for x < 75 mm with
 * p = 2 + 0.04·(x − 25) MPa, open from x = 75 mm. By hand: the contact points run from x = 25 to
 * 74 mm, so the scale runs from 2 to 2 + 0.04·49 = 3.96 MPa; the open cells cover x from 74.5 to
 * 125 mm, 50.5 % of the footprint.
 */
const P_MIN = 2;
const P_MAX = 3.96;

/** Where the map lies in the PNG, found from the grey open half (x 74.5–125 mm, y 25–125 mm). */
function mapFrame(px: Pixels) {
  // the open half is the big grey block; the legend's swatch is far smaller
  const grey = px.block(NO_CONTACT_COLOUR);
  const pxPerMm = (grey.right + 1 - grey.left) / 50.5;
  const x = (mm: number) => grey.left + (mm - 74.5) * pxPerMm;
  const y = (mm: number) => grey.bottom + 1 - (mm - 25) * pxPerMm;
  return { grey, pxPerMm, x, y };
}

describe('pressure map figure', () => {
  let svg: string;
  let px: Pixels;
  beforeAll(async () => {
    const spec = pressureMapSpec({
      fields: syntheticFields(),
      interfaceIndex: 0,
      state: 'loadUp',
      caseName: 'synthetic',
      cells: 'image',
    });
    svg = await figureSvg(spec);
    px = new Pixels(await figurePng(svg));
  });

  it('is an A4 landscape page at 150 dpi', () => {
    expect([px.width, px.height]).toEqual([1754, 1240]);
  });

  it('draws the open half in the no-contact grey, at the footprint aspect (50.5 × 100 mm)', () => {
    const { grey } = mapFrame(px);
    const w = grey.right + 1 - grey.left;
    const h = grey.bottom + 1 - grey.top;
    expect(w / h).toBeCloseTo(50.5 / 100, 1);
    // solid: the outlines cross it only at its border
    expect(grey.count).toBeGreaterThan(0.97 * w * h);
    expect(h).toBeGreaterThan(500);
  });

  it('paints a cell at a known pressure in the pressure scale colour of it', () => {
    const f = mapFrame(px);
    for (const x of [30, 50, 70]) {
      const p = 2 + 0.04 * (x - 25);
      const c = px.at(f.x(x), f.y(75));
      expect(distance(c, valueColour('pressure', p, P_MIN, P_MAX)), `x = ${x} mm`).toBeLessThanOrEqual(2);
    }
    // the contact half is never grey, the open half never anything else
    expect(px.at(f.x(74), f.y(60))).not.toEqual(NO_CONTACT_COLOUR);
    expect(px.at(f.x(76), f.y(60))).toEqual(NO_CONTACT_COLOUR);
  });

  it('draws the bolts (dark) at their positions, inside their washers', () => {
    const f = mapFrame(px);
    for (const [bx, by] of BOLTS) {
      expect(
        distance(px.at(f.x(bx), f.y(by)), [0x44, 0x44, 0x44]),
        `bolt at ${bx}, ${by}`,
      ).toBeLessThanOrEqual(2);
      // 6 mm from the axis: outside the M8 shank (r 4 mm), on the washer (r 8 mm), near white
      expect(px.at(f.x(bx + 6), f.y(by))[0], `washer at ${bx}, ${by}`).toBeGreaterThan(200);
    }
  });

  it('has a colour bar running monotonically through the pressure scale, bottom to top', () => {
    const f = mapFrame(px);
    // right of the map: the first column past the footprint's right edge with viridis colours
    const row = Math.round(f.y(75));
    const table = Array.from({ length: COLOUR_TABLE_SIZE }, (_, i) => scaleColour('pressure', i / 255));
    const index = (c: readonly number[]) => {
      let best = 0;
      for (let i = 1; i < table.length; i++)
        if (distance(c as never, table[i]) < distance(c as never, table[best])) best = i;
      return { i: best, d: distance(c as never, table[best]) };
    };
    let barX = -1;
    for (let x = Math.round(f.x(150)) + 5; x < px.width; x++)
      if (index(px.at(x, row)).d <= 2 && index(px.at(x + 10, row)).d <= 2) {
        barX = x + 10;
        break;
      }
    expect(barX).toBeGreaterThan(0);
    const indices: number[] = [];
    for (let y = 0; y < px.height; y++) {
      const m = index(px.at(barX, y));
      if (m.d <= 3) indices.push(m.i);
    }
    expect(indices.length).toBeGreaterThan(500);
    for (let k = 1; k < indices.length; k++) expect(indices[k]).toBeLessThanOrEqual(indices[k - 1]);
    expect(indices[0]).toBeGreaterThan(250);
    expect(indices[indices.length - 1]).toBeLessThan(5);
  });

  it('labels the axes in mm and the bar in MPa, names case, interface and load state, and the open share', () => {
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain('x [mm]');
    expect(texts).toContain('y [mm]');
    expect(texts).toContain('p [MPa]');
    for (const tick of ['0', '20', '40', '140']) expect(texts).toContain(tick);
    expect(texts.some((t) => t.includes('synthetic — cell stack, after load-up'))).toBe(true);
    expect(texts.some((t) => t.includes('no contact 50.5 %'))).toBe(true);
    expect(svg).toContain('50.5 % of footprint');
  });
});

describe('pressure map as film', () => {
  it('paints with the film grade: paper below its range, developed colour inside it', async () => {
    // the LW grade develops from 2.5 to 10 MPa
    const spec = pressureMapSpec({
      fields: syntheticFields(),
      interfaceIndex: 0,
      state: 'loadUp',
      caseName: 'synthetic',
      film: 'LW',
      cells: 'image',
    });
    const svg = await figureSvg(spec);
    const px = new Pixels(await figurePng(svg));
    const f = mapFrame(px);
    const grade = { id: 'LW' as const, label: '', min: 2.5, max: 10 };
    for (const x of [30, 60, 70]) {
      const p = 2 + 0.04 * (x - 25);
      expect(
        distance(px.at(f.x(x), f.y(75)), filmPressureColour(p, grade)),
        `x = ${x} mm`,
      ).toBeLessThanOrEqual(2);
    }
    expect(svg).toContain('p [MPa], Prescale LW');
    expect(svg).toContain('from 2.5 to 10 MPa');
  });
});

describe('pressure map as rectangles (the viewer)', () => {
  it('draws one rectangle per cell with a tooltip, and at most 200 cells a side', async () => {
    const coarse = pressureMapSpec({
      fields: syntheticFields(),
      interfaceIndex: 0,
      state: 'loadUp',
      caseName: 's',
    });
    const cells = (spec: unknown) =>
      (JSON.stringify(spec).match(/"x0":[^,]+,"x1":[^,]+,"y0":[^,]+,"y1":[^,]+,"x":/g) ?? []).length;
    expect(cells(coarse)).toBe(101 * 101);
    // 0.25 mm: 401 points a side, averaged in blocks of 3 → 134 a side
    const fine = pressureMapSpec({
      fields: syntheticFields({ spacing: 0.25 }),
      interfaceIndex: 0,
      state: 'loadUp',
      caseName: 's',
    });
    expect(cells(fine)).toBe(134 * 134);
    expect(JSON.stringify(coarse)).toContain('"title":"p [MPa]"');
  });

  it('cuts a long case name with an ellipsis instead of widening the figure', async () => {
    const caseName = 'a very long case name '.repeat(30);
    const svg = await figureSvg(
      pressureMapSpec({
        fields: syntheticFields(),
        interfaceIndex: 0,
        state: 'loadUp',
        caseName,
        cells: 'image',
      }),
    );
    const [, w] = /viewBox="0 0 ([\d.]+) /.exec(svg) ?? [];
    expect(Number(w)).toBeLessThanOrEqual(1754);
    expect(svg).toContain('…</text>');
  });

  it('refuses an interface or a state the case does not have', () => {
    const fields = syntheticFields();
    expect(() => pressureMapSpec({ fields, interfaceIndex: 1, state: 'loadUp', caseName: 's' })).toThrow(
      /interface 1 does not exist: the case has 1/,
    );
    expect(() => pressureMapSpec({ fields, interfaceIndex: 0, state: 'swollen', caseName: 's' })).toThrow(
      /no swollen state/,
    );
  });
});
