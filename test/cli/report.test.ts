import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured, scratch } from './cliHarness';

describe('stackpress report, its arguments (in process)', () => {
  it('needs --out naming an .html file, and says so (exit 2)', async () => {
    let r = await runCliCaptured(['report', 'cases/default.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--out <file>' not specified");
    r = await runCliCaptured(['report', 'cases/default.json', '--out', 'report.pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out: "report.pdf" must name an .html file');
    r = await runCliCaptured(['report', 'cases/default.json', '--out', 'reports/']);
    expect(r.code).toBe(2);
  });

  it('refuses an --out folder and a missing source before solving anything (exit 2)', async () => {
    const dir = await scratch();
    await mkdir(join(dir, 'r.html'));
    let r = await runCliCaptured(['report', 'cases/default.json', '--out', join(dir, 'r.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a folder');
    r = await runCliCaptured(['report', join(dir, 'none.json'), '--out', join(dir, 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'does not exist — name a case file (.json, .yaml) or a folder written by stackpress solve',
    );
  });

  it('never writes the report over the case file it reports (a YAML case may be named .html)', async () => {
    const dir = await scratch();
    const file = join(dir, 'case.html');
    await writeFile(file, 'name: x\n');
    const r = await runCliCaptured(['report', file, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would replace the case file being reported');
    expect(await readFile(file, 'utf8')).toBe('name: x\n');
    // nor its PDF over a case named .pdf
    const pdfCase = join(dir, 'case2.pdf');
    await writeFile(pdfCase, 'name: y\n');
    const p = await runCliCaptured(['report', pdfCase, '--out', join(dir, 'case2.html'), '--pdf']);
    expect(p.code).toBe(2);
    expect(await readFile(pdfCase, 'utf8')).toBe('name: y\n');
  });

  it('checks --film and --threads as solve does (exit 2)', async () => {
    let r = await runCliCaptured(['report', 'cases/default.json', '--out', 'x.html', '--film', 'XXL']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--film must be one of');
    r = await runCliCaptured(['report', 'cases/default.json', '--out', 'x.html', '--threads', '0']);
    expect(r.code).toBe(2);
  });

  it('is listed in --help', async () => {
    const r = await runCliCaptured(['--help']);
    expect(r.stdout).toMatch(/report \[options\] <source>/);
  });
});
