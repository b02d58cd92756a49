import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { CaseSummary } from '../../src/index';
import {
  ARTIFACTS,
  canvasPixels,
  filePayload,
  launchChromium,
  panelState,
  readValue,
  serveBuild,
  solveCount,
  waitForSolved,
} from './browser';

const caseText = (id: string) => readFileSync(new URL(`../../cases/${id}.json`, import.meta.url), 'utf8');

/**
 * The viewer never shows a result as current when it is not: one test per stale path (an unsolved
 * edit, a failed solve, Reset, an invalid and a valid case file, a result folder, Compare), each
 * checking what every panel shows — status line, results, colour bar, 3D / top view or the badge.
 */
describe('viewer stale states (production build in Chromium)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let out: string;
  /** the result folders the CLI wrote, by case */
  const folder = (id: string) => join(out, id);
  const resultOf = (id: string) =>
    JSON.parse(readFileSync(join(folder(id), 'result.json'), 'utf8')) as CaseSummary;
  let defaultMean = 0;

  beforeAll(async () => {
    // real result folders, written by the CLI in this process while the browser starts
    out = mkdtempSync(join(tmpdir(), 'stackpress-stale-'));
    const written = runCli([
      'node',
      'stackpress',
      'solve',
      'cases/fig5b-gaskets.json',
      'cases/fig5b-none.json',
      '--out',
      out,
    ]);
    const served = await serveBuild();
    server = served.server;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
    await page.goto(`${served.url}?case=default`);
    expect(await written).toBe(0);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('an edit not yet solved marks every panel stale at once; solving it makes them current', async () => {
    await waitForSolved(page);
    defaultMean = await readValue(page, 'stat-mean');
    const fresh = await panelState(page);
    expect(fresh.shown).toBe('default · solve #1');
    expect(fresh.stale).toEqual([]);
    await page.fill('[data-testid="edit-preload"]', '7000');
    const edited = await panelState(page);
    expect(edited.status).toBe('done');
    expect(edited.stale.sort()).toEqual(['3d', 'export', 'results', 'status', 'view']);
    // the numbers are still those of solve #1, and say so
    expect(await readValue(page, 'stat-mean')).toBe(defaultMean);
    expect(edited.captions.results).toContain('default · solve #1');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}stale-after-edit.png` });
    await page.click('[data-testid="tab-top"]');
    expect((await panelState(page)).stale).toContain('top');
    await page.click('[data-testid="tab-3d"]');
    const since = await solveCount(page);
    await page.click('[data-testid="resolve"]');
    await waitForSolved(page, since);
    const solved = await panelState(page);
    expect(solved.stale).toEqual([]);
    expect(solved.shown).toBe(`default · solve #${since + 1}`);
    expect(await readValue(page, 'stat-mean')).toBeGreaterThan(defaultMean * 1.05);
  });

  it('Reset after an edit was solved re-solves the case as opened', async () => {
    const since = await solveCount(page);
    await page.click('[data-testid="reset"]');
    // the restored inputs differ from those of the shown (edited) solve: a solve starts at once
    expect(await solveCount(page)).toBe(since + 1);
    await waitForSolved(page, since);
    expect(await page.inputValue('[data-testid="edit-preload"]')).not.toBe('7000');
    const state = await panelState(page);
    expect(state.stale).toEqual([]);
    expect(state.shown).toBe(`default · solve #${since + 1}`);
    expect(await readValue(page, 'stat-mean')).toBe(defaultMean);
  });

  it('a failed solve clears the result panels and shows the error', async () => {
    // 0.05 mm elements are far over the solver's memory budget: the worker refuses the solve
    await page.fill('[data-testid="edit-meshSize"]', '0.05');
    const since = await solveCount(page);
    await page.click('[data-testid="resolve"]');
    await page.waitForSelector('[data-testid="status"][data-status="error"]', { timeout: 120_000 });
    expect(await solveCount(page)).toBe(since + 1);
    const state = await panelState(page);
    expect(state.statusText).toMatch(/^Solve failed: [\s\S]*mesh\.size: 0\.05 mm/);
    expect(state.shown).toBe('');
    expect(state.hasResults).toBe(false);
    expect(state.hasColorbar).toBe(false);
    expect(state.hasScene).toBe(false);
    expect(state.resultsEmpty).toMatch(/Failed — nothing current/);
    await page.screenshot({ path: `${ARTIFACTS}stale-failed-solve.png` });
    // Reset solves the case as opened again: nothing shown was solved from those inputs
    const again = await solveCount(page);
    await page.click('[data-testid="reset"]');
    await waitForSolved(page, again);
    expect(await readValue(page, 'stat-mean')).toBe(defaultMean);
  });

  it('opening an invalid case file clears everything and names the file', async () => {
    await page.setInputFiles('[data-testid="file-input"]', [
      filePayload('broken-case.json', JSON.stringify({ name: 'broken', plates: 'steel' })),
    ]);
    await page.waitForSelector('[data-testid="status"][data-status="error"]');
    const state = await panelState(page);
    expect(state.statusText).toMatch(/^broken-case\.json: /);
    expect(state.shown).toBe('');
    expect(state.hasResults).toBe(false);
    expect(state.hasColorbar).toBe(false);
    expect(state.hasScene).toBe(false);
    expect(await page.locator('[data-testid="edit-preload"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}stale-invalid-case.png` });
  });

  it('opening a valid case file clears the old result while the new case solves', async () => {
    // record every state the status line passes through
    await page.evaluate(() => {
      const w = window as unknown as { __seen: { status: string; results: boolean; scene: boolean }[] };
      w.__seen = [];
      const el = document.querySelector('[data-testid="status"]') as Element;
      new MutationObserver(() =>
        w.__seen.push({
          status: el.getAttribute('data-status') ?? '',
          results: document.querySelector('[data-testid="stat-mean"]') !== null,
          scene: document.querySelector('[data-testid="scene-host"]') !== null,
        }),
      ).observe(el, { attributes: true });
    });
    // first a valid case, solved, so there is an old result to clear
    let since = await solveCount(page);
    await page.setInputFiles('[data-testid="file-input"]', [
      filePayload('none.json', caseText('fig5b-none')),
    ]);
    await waitForSolved(page, since);
    expect((await panelState(page)).shown).toBe(`fig5b-none · solve #${since + 1}`);
    since = await solveCount(page);
    await page.setInputFiles('[data-testid="file-input"]', [
      filePayload('gaskets.json', caseText('fig5b-gaskets')),
    ]);
    await waitForSolved(page, since);
    const seen = await page.evaluate(
      () => (window as unknown as { __seen: { status: string; results: boolean; scene: boolean }[] }).__seen,
    );
    const solving = seen.filter((s) => s.status === 'solving');
    expect(solving.length).toBeGreaterThanOrEqual(2);
    for (const s of solving) expect(s).toMatchObject({ results: false, scene: false });
    const state = await panelState(page);
    expect(state.shown).toBe(`fig5b-gaskets · solve #${since + 1}`);
    expect(state.captions.parameters).toBe('inputs of gaskets.json');
    const gaskets = resultOf('fig5b-gaskets');
    expect(await readValue(page, 'stat-mean')).toBeCloseTo(gaskets.pressure.mean, 9);
  });

  it('opening a result folder shows that result in every panel, maps included', async () => {
    // first a different case, so anything left from it would show
    let since = await solveCount(page);
    await page.selectOption('[data-testid="case-select"]', 'default');
    await waitForSolved(page, since);
    const dir = folder('fig5b-gaskets');
    const result = resultOf('fig5b-gaskets');
    await page.setInputFiles('[data-testid="file-input"]', [
      join(dir, 'result.json'),
      join(dir, 'fields.json'),
      join(dir, 'case.json'),
    ]);
    await page.waitForSelector('[data-testid="status"][data-shown*="of fig5b-gaskets (file)"]');
    const state = await panelState(page);
    expect(state.statusText).toMatch(
      /Showing result\.json \+ fields\.json \+ case\.json of fig5b-gaskets \(file\)/,
    );
    expect(state.captions.results).toBe('result.json + fields.json + case.json of fig5b-gaskets (file)');
    expect(state.captions['3d']).toBe(state.captions.results);
    expect(state.stale).toEqual([]);
    expect(state.hasScene).toBe(true);
    expect(await readValue(page, 'stat-mean')).toBe(result.pressure.mean);
    expect(await readValue(page, 'stat-max')).toBe(result.pressure.max);
    expect(await readValue(page, 'colorbar-min')).toBe(result.interfaces[0].pressure.min);
    expect(await readValue(page, 'colorbar-max')).toBe(result.interfaces[0].pressure.max);
    // the parameters are case.json's
    const solvedCase = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
    expect(Number(await page.inputValue('[data-testid="edit-meshSize"]'))).toBe(solvedCase.mesh.size);
    // the model is drawn from the file's fields (a software rasterizer may take a few frames)
    let covered = 0;
    for (let i = 0; i < 20 && covered <= 0.05; i++) {
      await page.waitForTimeout(250);
      const px = await canvasPixels(page, '.scene-host canvas');
      covered = px.nonBackground / (px.width * px.height);
    }
    expect(covered).toBeGreaterThan(0.05);
    await page.screenshot({ path: `${ARTIFACTS}stale-result-folder-3d.png` });
    await page.click('[data-testid="tab-top"]');
    await page.waitForSelector('[data-testid="top-host"] [data-testid="top-view-map"]');
    expect((await panelState(page)).captions.top).toBe(state.captions.results);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${ARTIFACTS}stale-result-folder-top.png` });
    await page.click('[data-testid="tab-3d"]');
    // an edit of the opened case makes it stale like any other; Reset brings back the file's result
    await page.fill('[data-testid="edit-meshSize"]', '3');
    expect((await panelState(page)).stale).toContain('results');
    since = await solveCount(page);
    await page.click('[data-testid="reset"]');
    expect(await solveCount(page)).toBe(since);
    expect((await panelState(page)).stale).toEqual([]);
  });

  it('a result.json without its fields.json clears the maps and says how to see them', async () => {
    const result = resultOf('fig5b-none');
    await page.setInputFiles('[data-testid="file-input"]', [join(folder('fig5b-none'), 'result.json')]);
    await page.waitForSelector('[data-testid="status"][data-shown="result.json of fig5b-none (file)"]');
    const state = await panelState(page);
    expect(state.hasScene).toBe(false);
    expect(state.hasColorbar).toBe(false);
    expect(state.mapsEmpty).toBe('open fields.json with result.json to see the maps');
    expect(await readValue(page, 'stat-mean')).toBe(result.pressure.mean);
    // no case.json: nothing to edit, nothing the result could be stale against
    expect(await page.locator('[data-testid="edit-preload"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}stale-result-without-fields.png` });
  });

  it('a whole result folder dropped on the window shows its result (the pictures left aside)', async () => {
    const dir = folder('fig5b-none');
    const files = ['result.json', 'fields.json', 'case.json', 'pressure.csv'].map((name) => ({
      name,
      text: readFileSync(join(dir, name), 'utf8'),
    }));
    await page.evaluate((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
    await page.waitForSelector(
      '[data-testid="status"][data-shown="result.json + fields.json + case.json of fig5b-none (file)"]',
    );
    const state = await panelState(page);
    expect(state.hasScene).toBe(true);
    expect(await readValue(page, 'stat-mean')).toBe(resultOf('fig5b-none').pressure.mean);
    expect(await readValue(page, 'colorbar-max')).toBe(resultOf('fig5b-none').interfaces[0].pressure.max);
  });

  it('files of two different cases are refused with a message', async () => {
    await page.setInputFiles('[data-testid="file-input"]', [
      join(folder('fig5b-gaskets'), 'result.json'),
      join(folder('fig5b-none'), 'fields.json'),
    ]);
    await page.waitForSelector('[data-testid="status"][data-status="error"]');
    const state = await panelState(page);
    expect(state.statusText).toMatch(
      /fields\.json holds the maps of case "fig5b-none" but result\.json is case "fig5b-gaskets"/,
    );
    expect(state.shown).toBe('');
    expect(state.hasResults).toBe(false);
    expect(state.hasScene).toBe(false);
  });

  it('while Compare is open the case-specific side panels are hidden, with a note', async () => {
    const since = await solveCount(page);
    await page.selectOption('[data-testid="case-select"]', 'default');
    await waitForSolved(page, since);
    await page.click('[data-testid="tab-compare"]');
    const state = await panelState(page);
    expect(state.compareNote).toMatch(/Compare solves its own four cases.*default · solve #/);
    expect(state.hasResults).toBe(false);
    expect(await page.locator('[data-testid="parameters"]').count()).toBe(0);
    expect(await page.locator('[data-testid="interface-select"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}stale-compare-side-panels.png` });
    await page.click('[data-testid="tab-3d"]');
    expect((await panelState(page)).hasResults).toBe(true);
  });
});
