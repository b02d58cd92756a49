import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coarseCase, runStackpress, scratch } from './cliHarness';

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe('stackpress report (the built CLI)', () => {
  let dir: string;
  let caseFile: string;
  /** a result folder written by `stackpress solve`, copied before each hostile edit */
  let folder: string;
  beforeAll(async () => {
    dir = await scratch();
    caseFile = await coarseCase(dir, 'default', 10);
    const solved = await runStackpress(['solve', caseFile, '--out', join(dir, 'solved')]);
    expect(solved.code, solved.stderr).toBe(0);
    folder = join(dir, 'solved', 'default');
  }, 120_000);

  /** A copy of the result folder to spoil. */
  async function copyOfFolder(name: string): Promise<string> {
    const copy = join(dir, name);
    await cp(folder, copy, { recursive: true });
    return copy;
  }

  it('reports a case file: one self-contained HTML file with every section', async () => {
    const out = join(dir, 'from-case', 'report.html');
    const r = await runStackpress(['report', caseFile, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(out);
    const html = await readFile(out, 'utf8');
    for (const id of [
      'title',
      'inputs',
      'figures',
      'pressure',
      'bolts',
      'plates',
      'warnings',
      'balance',
      'effort',
    ])
      expect(html).toContain(` id="${id}"`);
    expect(html).toContain('<h1>default</h1>');
    expect([...html.matchAll(/<img src="data:image\/svg\+xml/g)]).toHaveLength(4);
    expect(html).not.toMatch(/<script|<link|@import|src="(?!data:)/i);
    expect(await readdir(join(dir, 'from-case'))).toEqual(['report.html']);
    // the input hash is the one solve gives the same case file
    const hash = JSON.parse(await readFile(join(folder, 'result.json'), 'utf8')).input.hash;
    expect(html).toContain(hash);
  });

  it('reports a result folder with the input hash its result.json holds', async () => {
    const out = join(dir, 'from-folder.html');
    const r = await runStackpress(['report', folder, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const hash = JSON.parse(await readFile(join(folder, 'result.json'), 'utf8')).input.hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(out, 'utf8')).toContain(hash);
  });

  it('--pdf prints an A4 PDF beside the HTML, with no request blocked', async () => {
    const out = join(dir, 'pdf', 'review.html');
    const r = await runStackpress(['report', folder, '--out', out, '--pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('blocked');
    const pdf = await readFile(join(dir, 'pdf', 'review.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    // every page A4: 210 × 297 mm = 595.3 × 841.9 pt
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes).toHaveLength(pdfPages(pdf));
    for (const [, w, h] of boxes) {
      expect(Number(w)).toBeCloseTo(595.3, 0);
      expect(Number(h)).toBeCloseTo(841.9, 0);
    }
    expect((await readdir(join(dir, 'pdf'))).sort()).toEqual(['review.html', 'review.pdf']);
  }, 120_000);

  it('refuses a folder without fields.json, naming it and saying to solve again (exit 2)', async () => {
    const bad = await copyOfFolder('no-fields');
    await rm(join(bad, 'fields.json'));
    const out = join(dir, 'no-fields.html');
    const r = await runStackpress(['report', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(bad, 'fields.json'));
    expect(r.stderr).toContain('stackpress solve');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a garbled fields.json and one from another solve (exit 2)', async () => {
    const garbled = await copyOfFolder('garbled');
    await writeFile(join(garbled, 'fields.json'), '{"schema":"stackpress.fields/1","meshX":');
    let r = await runStackpress(['report', garbled, '--out', join(dir, 'garbled.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fields\.json: not JSON/);

    const wrongShape = await copyOfFolder('wrong-shape');
    await writeFile(join(wrongShape, 'fields.json'), JSON.stringify({ schema: 'stackpress.fields/1' }));
    r = await runStackpress(['report', wrongShape, '--out', join(dir, 'wrong-shape.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fields\.json: .*not a stackpress\.fields\/1 file/);

    const other = await copyOfFolder('other-solve');
    const result = JSON.parse(await readFile(join(other, 'result.json'), 'utf8'));
    result.input.hash = 'f'.repeat(64);
    await writeFile(join(other, 'result.json'), JSON.stringify(result));
    r = await runStackpress(['report', other, '--out', join(dir, 'other.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fields\.json: input hash [0-9a-f]{64} is not result\.json's f{64}/);
  });

  it('refuses a case.json that is not the case of the result, or is not a case (exit 2)', async () => {
    const other = await copyOfFolder('other-case');
    const c = JSON.parse(await readFile(join(other, 'case.json'), 'utf8'));
    c.bolts.positions.pop();
    await writeFile(join(other, 'case.json'), JSON.stringify(c));
    let r = await runStackpress(['report', other, '--out', join(dir, 'other-case.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('result.json has 8 bolts, case.json 7');

    c.plates.top.thickness = -1;
    await writeFile(join(other, 'case.json'), JSON.stringify(c));
    r = await runStackpress(['report', other, '--out', join(dir, 'other-case.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(other, 'case.json')}: plates.top.thickness: -1 mm`);
  });

  it('refuses a huge fields.json by its size, without reading it (exit 2)', async () => {
    const huge = await copyOfFolder('huge');
    // sparse: 300 MiB on paper, nothing on disk
    await truncate(join(huge, 'fields.json'), 300 * 2 ** 20);
    const t0 = performance.now();
    const r = await runStackpress(['report', huge, '--out', join(dir, 'huge.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fields\.json: is 300 MiB .* at most 256 MiB/);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('refuses a result.json that is a symbolic link out of the folder (exit 2)', async () => {
    const linked = await copyOfFolder('linked');
    const outside = join(dir, 'outside-result.json');
    await cp(join(linked, 'result.json'), outside);
    await rm(join(linked, 'result.json'));
    await symlink(outside, join(linked, 'result.json'));
    const r = await runStackpress(['report', linked, '--out', join(dir, 'linked.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(linked, 'result.json')}: is a symbolic link`);
  });

  it('refuses a result.json that is not a result: a NaN, an older schema (exit 2)', async () => {
    const spoiled = await copyOfFolder('spoiled');
    const text = await readFile(join(spoiled, 'result.json'), 'utf8');
    const result = JSON.parse(text);
    result.bolts[0].force = 'NaN';
    await writeFile(join(spoiled, 'result.json'), JSON.stringify(result));
    let r = await runStackpress(['report', spoiled, '--out', join(dir, 'spoiled.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('result.json: bolts[0].force:');

    result.bolts[0].force = 1000;
    result.schema = 'stackpress.result/1';
    await writeFile(join(spoiled, 'result.json'), JSON.stringify(result));
    r = await runStackpress(['report', spoiled, '--out', join(dir, 'spoiled.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('result.json: schema:');
    expect(existsSync(join(dir, 'spoiled.html'))).toBe(false);
  });

  it('refuses an --out that is a folder or not an .html file, before solving (exit 2)', async () => {
    const target = join(dir, 'a-folder.html');
    await mkdir(target);
    let r = await runStackpress(['report', caseFile, '--out', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a folder');
    expect(await readdir(target)).toEqual([]);

    r = await runStackpress(['report', caseFile, '--out', join(dir, 'report.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must name an .html file');

    // the PDF's name taken by a folder: refused before anything is written
    await mkdir(join(dir, 'taken.pdf'));
    r = await runStackpress(['report', folder, '--out', join(dir, 'taken.html'), '--pdf']);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'taken.html'))).toBe(false);
  });

  it('refuses a source that is neither a case file nor a folder (exit 2)', async () => {
    const r = await runStackpress(['report', join(dir, 'nothing-here'), '--out', join(dir, 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
  });
});
