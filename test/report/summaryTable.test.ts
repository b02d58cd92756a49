import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPath } from '../../src/case/variants';
import { summaryTable } from '../../src/report/summaryTable';
import { solveCase } from '../../src/solveCase';

const bare = withPath(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/fig5b-none.json'), 'utf8')),
  'mesh',
  { size: 10 },
);

describe('the terminal summary table', () => {
  it('counts each case’s warnings and lists them under the table', () => {
    const r = solveCase(bare);
    expect(r.warnings.length).toBeGreaterThan(0);
    const text = summaryTable([{ name: 'bare', summary: r }]);
    const [header, , row] = text.split('\n').slice(1);
    const col = header.split(/\s{2,}/).indexOf('warnings');
    expect(col).toBeGreaterThan(0);
    expect(row.trim().split(/\s{2,}/)[col]).toBe(String(r.warnings.length));
    for (const w of r.warnings) expect(text).toContain(`  bare: ${w}`);
  });

  it('shows the top plate’s deflection range wMax − wMin in µm, found by its name', () => {
    const r = solveCase(bare);
    const plate = r.plates[0];
    // the bottom plate first, so a table that took the first plate would show 500.0
    const plates = [
      { ...plate, name: 'bottom plate', wMax: 0.5, wMin: 0 },
      { ...plate, name: 'top plate', wMax: 0.012, wMin: -0.003 },
    ];
    const text = summaryTable([{ name: 'bare', summary: { ...r, plates } }]);
    const [header, , row] = text.split('\n').slice(1);
    const col = header
      .trim()
      .split(/\s{2,}/)
      .indexOf('Δw top [µm]');
    expect(col).toBeGreaterThan(0);
    expect(row.trim().split(/\s{2,}/)[col]).toBe('15.0');
  });

  it('shows a dash when the case has no top plate', () => {
    const r = solveCase(bare);
    const text = summaryTable([{ name: 'bare', summary: { ...r, plates: [] } }]);
    const [header, , row] = text.split('\n').slice(1);
    const col = header
      .trim()
      .split(/\s{2,}/)
      .indexOf('Δw top [µm]');
    expect(row.trim().split(/\s{2,}/)[col]).toBe('—');
  });
});
