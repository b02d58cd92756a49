import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/case/checkCase';
import { parseFlatnessCsv } from '../../src/case/flatnessCsv';
import { loadCaseFile } from '../../src/cli/caseFile';
import { inputHash } from '../../src/cli/inputHash';
import { InputError } from '../../src/validation/parseInput';

describe('flatness map CSV', () => {
  it('reads x from the first row, y from the first column, heights in µm', () => {
    const g = parseFlatnessCsv('y\\x,0,75,150\n0,1,2,3\n150,4,5,6\n', 'f');
    expect(g).toEqual({
      x: [0, 75, 150],
      y: [0, 150],
      values: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    });
  });

  it('names the row and column of a bad cell', () => {
    expect(() => parseFlatnessCsv('y,0,150\n0,1,oops\n150,1,2\n', 'plates.top.flatness.file')).toThrow(
      /row 2, column 3 \(height \[µm\]\): "oops"/,
    );
    expect(() => parseFlatnessCsv('y,0,150\n0,1\n150,1,2\n', 'f')).toThrow(InputError);
  });

  const bad = (text: string) => {
    try {
      parseFlatnessCsv(text, 'f');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).issues.join('\n');
    }
    throw new Error('parsed without complaint');
  };

  it('takes decimal numbers only: no hex, binary, octal, Infinity, NaN or empty cells', () => {
    for (const cell of ['0x10', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '1_000', '1e', '--1', '1.2.3'])
      expect(bad(`y,0,150\n0,1,${cell}\n150,1,2\n`)).toContain(`row 2, column 3 (height [µm]): "${cell}"`);
    expect(bad('y,0,150\n0,1,\n150,1,2\n')).toContain(
      'row 2, column 3 (height [µm]): "" — must be a decimal number',
    );
    expect(bad('y,0,150\n0,1,1e400\n150,1,2\n')).toContain('"1e400" — out of range for a number');
    expect(parseFlatnessCsv('y,0,150\n0,+1.5,.5\n150,-2e-1,3.\n', 'f').values).toEqual([
      [1.5, 0.5],
      [-0.2, 3],
    ]);
  });

  it('quotes at most 20 characters of a bad cell', () => {
    const secret = 'password=hunter2-and-a-lot-more-text-that-is-secret';
    const message = bad(`y,0,150\n0,1,${secret}\n150,1,2\n`);
    expect(message).toContain('"password=hunter2-and…"');
    expect(message).not.toContain('secret');
  });

  it('reads a BOM, CRLF or CR line ends, comments and blank lines', () => {
    const want = {
      x: [0, 150],
      y: [0, 150],
      values: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(parseFlatnessCsv('\uFEFFy,0,150\r\n0,1,2\r\n\r\n# scan 2\r\n150,3,4\r\n', 'f')).toEqual(want);
    expect(parseFlatnessCsv('y,0,150\r0,1,2\r150,3,4', 'f')).toEqual(want);
  });

  it("uses the header's separator for the whole file, so decimal commas are caught", () => {
    const want = {
      x: [0, 150],
      y: [0, 150],
      values: [
        [1.5, 2],
        [3, 4],
      ],
    };
    expect(parseFlatnessCsv('y;0;150\n0;1.5;2\n150;3;4\n', 'f')).toEqual(want);
    expect(parseFlatnessCsv('y\t0\t150\n0\t1.5\t2\n150\t3\t4\n', 'f')).toEqual(want);
    // a European file: 1,5 is one and a half, not two cells
    expect(bad('y;0;150\n0;1,5;2\n150;3;4\n')).toContain('row 2, column 2 (height [µm]): "1,5"');
    // the same row read with any separator would otherwise pass as heights 1 and 5
    expect(bad('y,0,150\n0;1;5\n150,3,4\n')).toContain('row 2, column 1 (y [mm]): "0;1;5"');
  });

  it('x and y must increase strictly, named by row and column', () => {
    expect(bad('y,0,150,75\n0,1,2,3\n150,1,2,3\n')).toContain(
      'row 1, column 4 (x [mm]): 75 mm — must increase strictly (previous 150 mm)',
    );
    expect(bad('y,0,150\n0,1,2\n0,1,2\n')).toContain(
      'row 3, column 1 (y [mm]): 0 mm — must increase strictly',
    );
  });

  it('ragged rows and too few rows are named', () => {
    expect(bad('y,0,150\n0,1,2,3\n150,1,2\n')).toContain('row 2: 3 heights — must have one per x (2)');
    expect(bad('y,0,150\n0,1,2\n')).toContain('2 rows — needs a header row of x [mm] and at least 2 rows');
    expect(bad('y,0\n0,1\n150,1\n')).toContain('1 x values — needs at least 2');
  });

  it('refuses more than a million heights before reading them all', () => {
    const row = (y: number) => `${y},${'1,'.repeat(1999)}1`;
    const header = `y,${Array.from({ length: 2000 }, (_, i) => i).join(',')}`;
    const text = [header, ...Array.from({ length: 501 }, (_, j) => row(j))].join('\n');
    expect(bad(text)).toContain('more than 1000000 heights (2000 per row)');
  });

  it('the loader resolves the file relative to the case file and the case checks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stackpress-map-'));
    const raw = JSON.parse(await readFile(join(import.meta.dirname, '../../cases/fig5b-none.json'), 'utf8'));
    raw.plates.top.flatness = { type: 'map', file: 'top.csv' };
    await writeFile(join(dir, 'case.json'), JSON.stringify(raw));
    await writeFile(join(dir, 'top.csv'), 'y,0,75,150\n0,0,2,0\n75,2,5,2\n150,0,2,0\n');
    const loaded = (await loadCaseFile(join(dir, 'case.json'))) as typeof raw;
    expect(loaded.plates.top.flatness.grid.values[1][1]).toBe(5);
    expect(checkCase(loaded).case.plates.top.flatness).toMatchObject({ type: 'map', file: 'top.csv' });
    // the map's content is part of the input hash
    const h1 = inputHash(loaded);
    await writeFile(join(dir, 'top.csv'), 'y,0,75,150\n0,0,2,0\n75,2,6,2\n150,0,2,0\n');
    expect(inputHash(await loadCaseFile(join(dir, 'case.json')))).not.toBe(h1);
  });

  it('a missing map file is an input error naming the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stackpress-map-'));
    await writeFile(
      join(dir, 'case.yaml'),
      'plates:\n  top:\n    flatness: { type: map, file: nowhere.csv }\n',
    );
    await expect(loadCaseFile(join(dir, 'case.yaml'))).rejects.toThrow(
      /plates\.top\.flatness\.file: "nowhere\.csv" does not exist — a flatness map must be a regular CSV file/,
    );
  });

  it('the input hash ignores key order', () => {
    expect(inputHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(inputHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(inputHash({ a: 1 })).not.toBe(inputHash({ a: 2 }));
  });
});
