import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { ToleranceResult } from '../../src/tolerance/toleranceResult';
import { runToleranceStudy } from '../../src/tolerance/toleranceStudy';
import {
  ARTIFACTS,
  canvasPixels,
  filePayload,
  launchChromium,
  readValue,
  serveBuild,
  solveCount,
  spreadState,
  waitForSolved,
  waitForStudy,
} from './browser';

const defaultCase = JSON.parse(readFileSync(new URL('../../cases/default.json', import.meta.url), 'utf8'));
const noneCase = readFileSync(new URL('../../cases/fig5b-none.json', import.meta.url), 'utf8');
/** A coarse mesh [mm]: a draw of the default case solves in a fraction of a second. */
const COARSE = 5;
const coarseCase = { ...defaultCase, mesh: { ...defaultCase.mesh, size: COARSE } };

/** The CoV as the Spread table prints it: 4 decimals. */
const printed = (v: number) => v.toFixed(4);

/**
 * The Spread tab: a tolerance study run in the page's solver worker gives the study Node gives
 * for the same inputs, draws and seed; its maps and histogram are drawn; an edit marks it stale;
 * Cancel stops it without showing a partial study; a CLI study folder's tolerance.json opens, and
 * a broken or mismatched one is refused.
 */
describe('Spread tab (production build in Chromium)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let out: string;
  let studyDir: string;
  /** the same study in Node: 8 draws of the coarse default case from seed 1 */
  let node: ToleranceResult;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'stackpress-spread-'));
    const caseFile = join(out, 'default-coarse.json');
    writeFileSync(caseFile, JSON.stringify(coarseCase));
    // the CLI's study folder, written in this process (exit 0: no draw failed)
    const code = await runCli([
      'node',
      'stackpress',
      'solve',
      caseFile,
      '--samples',
      '5',
      '--seed',
      '2',
      '--out',
      join(out, 'studies'),
    ]);
    expect(code).toBe(0);
    const folders = readdirSync(join(out, 'studies'));
    expect(folders).toHaveLength(1);
    studyDir = join(out, 'studies', folders[0]);
    node = runToleranceStudy(coarseCase, { samples: 8, seed: 1 });
    expect(node.failed).toEqual([]);
    const served = await serveBuild();
    server = served.server;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${served.url}?case=default`);
    await waitForSolved(page);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('runs 8 draws in the worker: the p50 CoV is the one Node gets for the same inputs and seed', async () => {
    await page.fill('[data-testid="edit-meshSize"]', String(COARSE));
    await page.click('[data-testid="tab-spread"]');
    await page.fill('[data-testid="spread-draws"]', '8');
    await page.fill('[data-testid="spread-seed"]', '1');
    // every progress the tab shows, to check it counts the draws one by one
    await page.evaluate(() => {
      const w = window as unknown as { __done: string[] };
      w.__done = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="spread-status"]');
        const d = el?.getAttribute('data-done');
        if (d && w.__done.at(-1) !== d) w.__done.push(d);
      }).observe(document.body, { attributes: true, subtree: true, childList: true });
    });
    await page.click('[data-testid="spread-run"]');
    await waitForStudy(page);
    const done = await page.evaluate(() => (window as unknown as { __done: string[] }).__done);
    expect(done.map(Number)).toEqual(expect.arrayContaining([1, 8]));
    const s = await spreadState(page);
    expect(s.caption).toBe('default · study #1, 8 draws, seed 1');
    expect(s.stale).toBe(false);
    expect(s.failedCount).toBe(0);
    const p50 = node.distributions.loadUp?.cov.p50 as number;
    expect(s.covP50Text).toBe(printed(p50));
    // the same draws from the same seeds: the same number, to rounding of the browser's Math
    expect(Math.abs(s.covP50 - p50)).toBeLessThanOrEqual(1e-9 * p50);
    expect(s.metrics['meanPressure-p5']).toBeCloseTo(node.distributions.loadUp?.meanPressure.p5 as number, 9);
    expect(s.metrics['meanPressure-p95']).toBeCloseTo(
      node.distributions.loadUp?.meanPressure.p95 as number,
      9,
    );
    for (const id of ['spread-maps', 'spread-contact', 'spread-histogram']) {
      await page.waitForSelector(`[data-testid="${id}"] [data-rendered="yes"]`);
      const px = await canvasPixels(page, `[data-testid="${id}"] canvas`);
      expect(px.width).toBeGreaterThan(300);
      expect(px.distinctColours).toBeGreaterThan(20);
    }
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${ARTIFACTS}spread-study.png` });
    for (const [id, name] of [
      ['spread-maps', 'maps'],
      ['spread-contact', 'contact'],
      ['spread-histogram', 'histogram'],
      ['spread-metrics', 'metrics'],
    ])
      await page.locator(`[data-testid="${id}"]`).screenshot({ path: `${ARTIFACTS}spread-${name}.png` });
  });

  it('after swelling: the load-state choice shows the swollen study', async () => {
    await page.click('[data-testid="spread-load-state-swollen"]');
    await page.waitForSelector('[data-testid="spread-histogram"] [data-rendered="yes"]');
    const s = await spreadState(page);
    expect(s.covP50Text).toBe(printed(node.distributions.swollen?.cov.p50 as number));
    await page.click('[data-testid="spread-load-state-loadUp"]');
  });

  it('draws and seed out of range are refused with the field and the range named', async () => {
    for (const [field, value, text] of [
      ['spread-draws', '0', 'Number of draws: 0 — must be a whole number from 1 to 1000'],
      ['spread-draws', '1001', 'Number of draws: 1001 — must be a whole number from 1 to 1000'],
      ['spread-draws', '2.5', 'Number of draws: 2.5 — must be a whole number from 1 to 1000'],
      ['spread-seed', '-1', 'Seed: -1 — must be a whole number from 0 to 2147483647'],
    ]) {
      await page.fill(`[data-testid="${field}"]`, value);
      expect(await page.textContent('[data-testid="spread-input-error"]')).toBe(text);
      expect(await page.isDisabled('[data-testid="spread-run"]')).toBe(true);
      await page.fill(`[data-testid="${field}"]`, field === 'spread-draws' ? '8' : '1');
    }
    expect(await page.locator('[data-testid="spread-input-error"]').count()).toBe(0);
    expect(await page.isDisabled('[data-testid="spread-run"]')).toBe(false);
  });

  it('an edit marks the study stale; the inputs it ran on make it current again', async () => {
    const preload = await page.inputValue('[data-testid="edit-preload"]');
    await page.fill('[data-testid="edit-preload"]', '7000');
    const stale = await spreadState(page);
    expect(stale.stale).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}spread-stale.png` });
    await page.fill('[data-testid="edit-preload"]', preload);
    expect((await spreadState(page)).stale).toBe(false);
  });

  it('Cancel stops the study between draws and shows "cancelled", not a partial study; the worker runs the next', async () => {
    await page.fill('[data-testid="spread-draws"]', '600');
    await page.click('[data-testid="spread-run"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="spread-status"]')?.getAttribute('data-done')) >= 2,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    await page.click('[data-testid="spread-cancel"]');
    await page.waitForSelector('[data-testid="spread-status"][data-status="cancelled"]');
    const s = await spreadState(page);
    expect(s.statusText).toMatch(/^Study cancelled at draw \d+ of 600, 0 failed — nothing of it is shown/);
    // the study shown is still the whole earlier one
    expect(s.caption).toBe('default · study #1, 8 draws, seed 1');
    await page.screenshot({ path: `${ARTIFACTS}spread-cancelled.png` });
    // the same worker (its study stopped, not killed) runs the next study, and gets Node's numbers
    await page.fill('[data-testid="spread-draws"]', '8');
    const t0 = Date.now();
    await page.click('[data-testid="spread-run"]');
    await waitForStudy(page);
    // the worker did not go on with the cancelled study's ~600 remaining draws (about 15 s at
    // this mesh): the next study waited for nothing but its own draws
    const waited = (Date.now() - t0) / 1000 - (await readValue(page, 'spread-seconds'));
    expect(waited).toBeLessThan(5);
    const again = await spreadState(page);
    expect(again.caption).toBe('default · study #3, 8 draws, seed 1');
    expect(again.covP50Text).toBe(printed(node.distributions.loadUp?.cov.p50 as number));
  });

  it('a study the worker refuses shows its error, not the old figures', async () => {
    // 0.05 mm elements are far over the work budget: the study is refused before any draw
    await page.fill('[data-testid="edit-meshSize"]', '0.05');
    await page.click('[data-testid="spread-run"]');
    await page.waitForSelector('[data-testid="spread-status"][data-status="error"]', { timeout: 60_000 });
    const s = await spreadState(page);
    expect(s.statusText).toMatch(/^Study failed: [\s\S]*0\.05 mm/);
    expect(s.caption).toBe('');
    expect(await page.locator('[data-testid="spread-maps"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}spread-failed-study.png` });
    await page.fill('[data-testid="edit-meshSize"]', String(COARSE));
  });

  it("opens the CLI's tolerance.json with its case.json: that study, current, its case opened", async () => {
    const file = JSON.parse(readFileSync(join(studyDir, 'tolerance.json'), 'utf8')) as ToleranceResult;
    const since = await solveCount(page);
    await page.setInputFiles('[data-testid="spread-file-input"]', [
      join(studyDir, 'tolerance.json'),
      join(studyDir, 'case.json'),
    ]);
    await page.waitForSelector('[data-testid="spread-caption"]:has-text("(file)")');
    // the study's case is the open case now, solved as any opened case
    await waitForSolved(page, since);
    const s = await spreadState(page);
    expect(s.caption).toBe('tolerance.json + case.json of default (file), 5 draws, seed 2');
    expect(s.stale).toBe(false);
    expect(s.inputsUnknown).toBe(false);
    expect(s.covP50Text).toBe(printed(file.distributions.loadUp?.cov.p50 as number));
    expect(s.covP50).toBe(file.distributions.loadUp?.cov.p50);
    // the controls take the file's draws and seed, so Run studies the open case alike
    expect(await page.inputValue('[data-testid="spread-draws"]')).toBe('5');
    expect(await page.inputValue('[data-testid="spread-seed"]')).toBe('2');
    expect(await page.textContent('[data-testid="caption-parameters"]')).toContain('inputs of case.json');
    await page.waitForSelector('[data-testid="spread-maps"] [data-rendered="yes"]');
    await page.waitForSelector('[data-testid="spread-histogram"] [data-rendered="yes"]');
    await page.screenshot({ path: `${ARTIFACTS}spread-file.png`, fullPage: true });
    await page.fill('[data-testid="edit-preload"]', '7000');
    expect((await spreadState(page)).stale).toBe(true);
  });

  it('a tolerance.json alone shows the study with its inputs unknown; failed draws are listed by index', async () => {
    // a study whose draw 3 failed, as the CLI writes one (the figures leave it out and say so)
    const json = JSON.parse(readFileSync(join(studyDir, 'tolerance.json'), 'utf8'));
    json.draws[3] = { ...json.draws[3], status: 'failed', error: 'springs at solid length', metrics: null };
    json.failed = [3];
    await page.setInputFiles('[data-testid="spread-file-input"]', [
      filePayload('tolerance.json', JSON.stringify(json)),
    ]);
    await page.waitForSelector('[data-testid="spread-failed"][data-count="1"]');
    const s = await spreadState(page);
    expect(s.caption).toBe('tolerance.json of default (file), 5 draws, seed 2');
    expect(s.inputsUnknown).toBe(true);
    expect(s.stale).toBe(false);
    expect(await page.textContent('[data-testid="spread-failed-3"]')).toContain('springs at solid length');
    await page.locator('.spread-tables').screenshot({ path: `${ARTIFACTS}spread-failed-draws.png` });
  });

  it("the whole study folder opened from the toolbar's Open… shows the study (its figures and CSV left aside)", async () => {
    await page.click('[data-testid="tab-3d"]');
    const files = readdirSync(studyDir).map((f) => join(studyDir, f));
    expect(files.some((f) => f.endsWith('.png'))).toBe(true);
    await page.setInputFiles('[data-testid="file-input"]', files);
    await page.waitForSelector('[data-testid="spread-caption"]:has-text("tolerance.json + case.json")');
    expect(await page.getAttribute('[data-testid="tab-spread"]', 'class')).toBe('active');
    const s = await spreadState(page);
    expect(s.caption).toBe('tolerance.json + case.json of default (file), 5 draws, seed 2');
    expect(s.stale).toBe(false);
  });

  it('a broken or mismatched tolerance.json is refused with a message, and no old figures stay', async () => {
    const text = readFileSync(join(studyDir, 'tolerance.json'), 'utf8');
    const broken = JSON.parse(text);
    broken.samples = 6; // five draws listed for six asked
    await page.setInputFiles('[data-testid="spread-file-input"]', [
      filePayload('tolerance.json', JSON.stringify(broken)),
    ]);
    await page.waitForSelector('[data-testid="spread-status"][data-status="error"]');
    let s = await spreadState(page);
    expect(s.statusText).toMatch(/^tolerance\.json: draws: 5 draws for samples 6/);
    expect(s.caption).toBe('');
    expect(await page.locator('[data-testid="spread-maps"]').count()).toBe(0);
    // a tolerance.json with another case's file as its case.json
    await page.setInputFiles('[data-testid="spread-file-input"]', [
      filePayload('tolerance.json', text),
      filePayload('case.json', noneCase),
    ]);
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="spread-status"]')
        ?.textContent?.includes('case.json: is not the case'),
    );
    s = await spreadState(page);
    expect(s.statusText).toMatch(
      /^case\.json: is not the case tolerance\.json was run from \(case "default"/,
    );
    expect(s.caption).toBe('');
    await page.screenshot({ path: `${ARTIFACTS}spread-refused.png` });
    expect(pageErrors).toEqual([]);
  });
});
