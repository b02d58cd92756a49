import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designMarginsTable } from '../../src/cli/commands/designMargins';
import { runCliCaptured, scratch } from './cliHarness';

const design = {
  margins: { deflection: 1.0000000000000002, stress: 250 / 106.4, bolts: 1.2, stackHeight: 400 / 356 },
  result: {
    plate: {
      deflectionMm: 0.3,
      allowedDeflectionMm: 0.3000000000000001,
      stressMPa: 106.4,
      allowableStressMPa: 250,
    },
    fasteners: { requiredForceN: 41_667.4, capacityN: 50_000.8 },
    stack: { stackHeightMm: 356 },
  },
};

/** The cells of the table row that starts with `limit`. */
function row(table: string, limit: string): string[] {
  const line = table.split('\n').find((l) => l.trimStart().startsWith(limit));
  expect(line, limit).toBeDefined();
  return line!
    .slice(limit.length + 2)
    .trim()
    .split(/\s{2,}/);
}

describe('the margins table of module --optimise', () => {
  it('rounds margins to two decimals and prints allowed and actual values with units', () => {
    const table = designMarginsTable(design);
    expect(row(table, 'plate deflection')).toEqual(['1.00', '0.300 mm', '0.300 mm']);
    expect(row(table, 'plate stress')).toEqual(['2.35', '250 MPa', '106 MPa']);
    expect(row(table, 'bolt force')).toEqual(['1.20', '50001 N', '41667 N']);
    expect(row(table, 'stack height')).toEqual(['1.12', '400 mm', '356 mm']);
    expect(table).not.toMatch(/\d\.\d{4,}/);
  });

  it('says when a limit does not apply: no stress check, no bolts', () => {
    const table = designMarginsTable({
      margins: { ...design.margins, stress: Number.POSITIVE_INFINITY, bolts: Number.POSITIVE_INFINITY },
      result: {
        ...design.result,
        plate: { ...design.result.plate, allowableStressMPa: Number.POSITIVE_INFINITY },
        fasteners: undefined,
      },
    });
    expect(row(table, 'plate stress')).toEqual(['—', 'no limit', '106 MPa']);
    expect(row(table, 'bolt force')).toEqual(['—', '—', '—']);
  });

  it('is what the command prints instead of raw JSON', async () => {
    const out = join(await scratch(), 'design');
    try {
      const r = await runCliCaptured([
        'module',
        '--optimise',
        'mass',
        '--system',
        '10',
        '--pressure',
        '5',
        '--out',
        out,
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('margins (allowed ÷ actual; ≥ 1 meets the limit):');
      expect(r.stdout).not.toContain('{"deflection"');
      expect(row(r.stdout, 'plate stress')[1]).toMatch(/^\d+ MPa$/);
      expect(row(r.stdout, 'bolt force')[2]).toMatch(/^\d+ N$/);
    } finally {
      await rm(join(out, '..'), { recursive: true, force: true });
    }
  }, 60_000);
});
