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
      /plates\.top\.flatness\.file: "nowhere\.csv" — cannot read/,
    );
  });

  it('the input hash ignores key order', () => {
    expect(inputHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(inputHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(inputHash({ a: 1 })).not.toBe(inputHash({ a: 2 }));
  });
});
