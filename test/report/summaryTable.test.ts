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
});
