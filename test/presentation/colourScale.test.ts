import { describe, expect, it } from 'vitest';
import {
  COLOUR_TABLE_SIZE,
  colourTableCoordinate,
  colourTableRgba,
  cssColour,
  NO_CONTACT_COLOUR,
  scaleColour,
  valueColour,
} from '../../src/presentation/colourScale';
import { FILM_GRADES, filmColour, filmDensity, filmFor, filmGrade } from '../../src/presentation/film';

describe('colour scales', () => {
  it('pressure is viridis: its published end and middle colours', () => {
    // matplotlib's viridis: #440154 at 0, #21918c at 0.5, #fde725 at 1
    expect(cssColour(scaleColour('pressure', 0))).toBe('#440154');
    expect(cssColour(scaleColour('pressure', 1))).toBe('#fde725');
    const mid = scaleColour('pressure', 0.5);
    expect(Math.max(...mid.map((c, i) => Math.abs(c - [0x21, 0x91, 0x8c][i])))).toBeLessThanOrEqual(2);
  });

  it('no contact is a colour neither scale contains', () => {
    for (const name of ['pressure', 'deflection'] as const)
      for (let i = 0; i < COLOUR_TABLE_SIZE; i++) {
        const c = scaleColour(name, i / (COLOUR_TABLE_SIZE - 1));
        const d = Math.hypot(
          c[0] - NO_CONTACT_COLOUR[0],
          c[1] - NO_CONTACT_COLOUR[1],
          c[2] - NO_CONTACT_COLOUR[2],
        );
        expect(d).toBeGreaterThan(40);
      }
  });

  it('the 3D texture and the 2D figures pick the same entry for a value', () => {
    const table = colourTableRgba('pressure');
    for (const p of [1.2, 3.7, 4.99, 6.3]) {
      // a GPU's nearest texel at the texture coordinate, and the figure's colour of the value
      const texel = Math.floor(colourTableCoordinate(p, 1, 7) * COLOUR_TABLE_SIZE);
      expect([...table.subarray(4 * texel, 4 * texel + 3)]).toEqual([...valueColour('pressure', p, 1, 7)]);
    }
  });
});

describe('Prescale film emulation', () => {
  it('develops log-linearly over the grade range: none below, half at the geometric mean, full above', () => {
    const lw = filmGrade('LW');
    expect([lw.min, lw.max]).toEqual([2.5, 10]);
    expect(filmDensity(2, lw)).toBe(0);
    expect(filmDensity(5, lw)).toBeCloseTo(0.5, 12);
    expect(filmDensity(12, lw)).toBe(1);
    expect(filmColour(0)).toEqual([250, 247, 249]);
    expect(filmColour(1)).toEqual([178, 18, 108]);
  });

  it('picks the grade a designer would: 5 MPa → LW, 100 MPa → HS', () => {
    expect(filmFor(5).id).toBe('LW');
    expect(filmFor(100).id).toBe('HS');
    expect(filmFor(1000).id).toBe('HHS');
    expect(FILM_GRADES.map((g) => g.id)).toEqual(['LLLW', 'LLW', 'LW', 'MW', 'HS', 'HHS']);
  });
});
