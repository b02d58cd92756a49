import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'stackpress-module-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const npx = (args: string[]) =>
  spawnSync('npx', ['stackpress', ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });

describe('npx stackpress module', () => {
  it('--plates-only writes efficiency.csv with the fixed header and one row per size × pressure, plus SVG charts', () => {
    const r = npx(['module', '--plates-only', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(out, 'efficiency.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('systemKWh,pressureMPa,massEfficiency,volumeEfficiency,plateThicknessMm');
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    expect(rows).toHaveLength(3 * 41);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([1, 10, 20]));
    for (const [kWh, p, mass, volume, t] of rows) {
      expect([1, 10, 20]).toContain(kWh);
      expect(p).toBeGreaterThanOrEqual(1);
      expect(p).toBeLessThanOrEqual(100);
      for (const eff of [mass, volume]) {
        expect(eff).toBeGreaterThan(0);
        expect(eff).toBeLessThan(1);
      }
      expect(t).toBeGreaterThan(0);
    }
    // 10 kWh at 1 MPa: above the LIB mass line (0.82).
    const row = rows.find((r) => r[0] === 10 && r[1] === 1)!;
    expect(row[2]).toBeGreaterThan(0.82);
    const svgs = readdirSync(out).filter((f) => f.endsWith('.svg'));
    expect(svgs.sort()).toEqual(['efficiency-10kWh.svg', 'efficiency-1kWh.svg', 'efficiency-20kWh.svg']);
    expect(readFileSync(join(out, svgs[0]), 'utf8')).toMatch(/^<svg/);
    expect(readFileSync(join(out, 'crossings.csv'), 'utf8')).toContain('10,massEfficiency,0.82,crosses,');
    expect(r.stdout).toContain('crosses at');
  });

  it('--help lists the module command', () => {
    const r = npx(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/module \[options\]/);
  });

  it('exits 2 on bad input and names the field', () => {
    const bad = npx(['module', '--plates-only', '--nu', '0.7', '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('nu: 0.7');
    expect(npx(['module', '--footprint', 'wide', '--out', out]).status).toBe(2);
    expect(npx(['module', '--bogus']).status).toBe(2);
  });
});
