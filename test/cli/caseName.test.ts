import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFolderIn, caseFolderName, caseFolderNames, folderNameNote } from '../../src/cli/caseName';

describe('case folder names', () => {
  it('keep ordinary names', () => {
    expect(caseFolderName('cases/fig5b-none.json')).toBe('fig5b-none');
    expect(caseFolderName('runs/a/v1.2_final.yaml')).toBe('v1.2_final');
  });

  it('never name a folder outside --out, a hidden one, or nothing', () => {
    expect(caseFolderName('...json')).toBe('__');
    expect(caseFolderName('cases/..json')).toBe('_');
    expect(caseFolderName('.json')).toBe('_json');
    expect(caseFolderName('')).toBe('case');
    expect(caseFolderName('.hidden.yaml')).toBe('_hidden');
    expect(caseFolderName('a b/c$d;rm -rf ~.json')).toBe('c_d_rm_-rf__');
    expect(caseFolderName('Zellstapel-ä.json')).toBe('Zellstapel-_');
    expect(caseFolderName(`${'x'.repeat(300)}.json`)).toHaveLength(200);
  });

  it('stay clear of the files batch writes beside the case folders', () => {
    expect(caseFolderName('errors.json.json')).toBe('errors.json_');
    expect(caseFolderName('Summary.CSV.yaml')).toBe('Summary.CSV_');
  });

  it('are made distinct, ignoring case', () => {
    expect(caseFolderNames(['a/x.json', 'b/x.yaml', 'c/X.json', 'd/x-2.json'])).toEqual([
      'x',
      'x-2',
      'X-3',
      'x-2-2',
    ]);
  });

  it('any file name gives a folder directly inside --out', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (stem) => {
        const name = caseFolderName(`/some/where/${stem.replaceAll('/', '')}.json`);
        expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
        expect(caseFolderIn('/out', name)).toBe(join('/out', name));
      }),
      { numRuns: 500 },
    );
    expect(() => caseFolderIn('/out', '..')).toThrow(/would not be a folder inside/);
    expect(() => caseFolderIn('/out', 'a/../../b')).toThrow(/would not be a folder inside/);
  });

  it('tell the user when the folder differs from the file name', () => {
    expect(folderNameNote('cases/a.json', 'a')).toBeUndefined();
    expect(folderNameNote('...json', '__')).toContain('results go to the folder "__"');
  });
});
