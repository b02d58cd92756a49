import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pressureCsv } from '../../src/presentation/csv';
import { decodeResultFields, encodeResultFields, FieldsFileError } from '../../src/presentation/fieldsFile';
import type { ResultFields } from '../../src/presentation/resultFields';
import { resultFieldsOf } from '../../src/presentation/resultFieldsOf';
import { solveCase } from '../../src/solveCase';

const input = JSON.parse(readFileSync(new URL('../../cases/fig5b-none.json', import.meta.url), 'utf8'));
input.mesh = { size: 5 };
// the cells swell 20 µm each with the nuts locked, so both load states exist
input.stack.swelling = { type: 'thickness', value: 0.02 };
const result = solveCase(input);
const fields = resultFieldsOf(result);

/** ∫ p dA over a grid by the trapezoidal rule [N]. */
function gridForce(g: ResultFields['interfaces'][number]['grid']): number {
  let f = 0;
  for (let j = 0; j < g.ny; j++)
    for (let i = 0; i < g.nx; i++) {
      const w = (i === 0 || i === g.nx - 1 ? 0.5 : 1) * (j === 0 || j === g.ny - 1 ? 0.5 : 1);
      f += w * g.values[j * g.nx + i] * g.dx * g.dy;
    }
  return f;
}

describe('resultFieldsOf: the fields every picture is drawn from', () => {
  it('the map carries the bolt load, in both load states', () => {
    const itf = fields.interfaces[0];
    const bolts = result.balance.boltForce;
    // the grid resamples the nodal pressure bilinearly; on a 5 mm mesh its integral is within 2 %
    expect(Math.abs(gridForce(itf.grid) - bolts) / bolts).toBeLessThan(0.02);
    expect(itf.swollen).not.toBeNull();
    const swollenBolts = result.swelling!.balance.boltForce;
    expect(Math.abs(gridForce(itf.swollen!.grid) - swollenBolts) / swollenBolts).toBeLessThan(0.02);
    expect(swollenBolts).toBeGreaterThan(bolts);
  });

  it("marks contact where the summary counts it: the grid's contact share is the summary's contact fraction", () => {
    // Fig 5b bare housing: the plates bow, a fifth of the footprint opens
    const g = fields.interfaces[0].grid;
    let on = 0;
    for (const c of g.contact) on += c;
    const share = on / g.contact.length;
    expect(result.pressure.contactFraction).toBeLessThan(0.9);
    expect(Math.abs(share - result.pressure.contactFraction)).toBeLessThan(0.05);
    for (let i = 0; i < g.values.length; i++)
      if (!g.contact[i]) expect(g.values[i]).toBeLessThanOrEqual(input.output?.contactThreshold ?? 0.01);
  });

  it("gives each plate's deflection as the summary reports it", () => {
    expect(result.plates.length).toBe(2);
    for (const plate of result.plates) {
      const w = fields.deflection[fields.layers.findIndex((l) => l.name === plate.name)];
      expect(Math.max(...w)).toBe(plate.wMax);
      expect(Math.min(...w)).toBe(plate.wMin);
    }
  });
});

describe('fields.json', () => {
  const text = encodeResultFields(fields, 'ab'.repeat(32));

  it('reads back bit for bit', () => {
    const back = decodeResultFields(text);
    expect(back.inputHash).toBe('ab'.repeat(32));
    expect(back.fields).toEqual(fields);
    expect(pressureCsv(back.fields.interfaces[0].grid)).toBe(pressureCsv(fields.interfaces[0].grid));
  });

  // biome-ignore lint/suspicious/noExplicitAny: the parsed file is edited at any depth
  const tampered = (edit: (j: Record<string, any>) => void) => {
    const j = JSON.parse(text);
    edit(j);
    return JSON.stringify(j);
  };
  const nan = new Uint8Array(new Float64Array([Number.NaN]).buffer);

  it.each([
    ['not JSON', () => '{"schema":', /not JSON/],
    ['another schema', () => tampered((j) => (j.schema = 'stackpress.fields/9')), /schema/],
    ['a short array', () => tampered((j) => (j.meshX.data = j.meshX.data.slice(0, 12))), /meshX/],
    [
      'a NaN in the pressure',
      () =>
        tampered((j) => {
          const bytes = Uint8Array.from(atob(j.interfaces[0].pressure), (c) => c.charCodeAt(0));
          bytes.set(nan, 8);
          j.interfaces[0].pressure = btoa(String.fromCharCode(...bytes));
        }),
      /interfaces\[0\]\.pressure\[1\]: NaN/,
    ],
    ['a huge grid', () => tampered((j) => (j.interfaces[0].grid.nx = 1e9)), /nx/],
    ['a missing interface', () => tampered((j) => j.interfaces.pop()), /interfaces/],
    [
      'a part following a layer that does not exist',
      () => tampered((j) => (j.stack.parts[0].upper = 7)),
      /layer 7/,
    ],
  ])('refuses %s, naming it', (_what, make, message) => {
    expect(() => decodeResultFields(make())).toThrow(FieldsFileError);
    expect(() => decodeResultFields(make())).toThrow(message);
  });
});
