import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import {
  ARTIFACTS,
  designState,
  filePayload,
  launchChromium,
  serveBuild,
  solveCount,
  waitForDesign,
  waitForSolved,
} from './browser';

const defaultCase = JSON.parse(readFileSync(new URL('../../cases/default.json', import.meta.url), 'utf8'));
/** A coarse mesh [mm]: a design of the default module solves in about a second. */
const COARSE = 10;

/** A tiny design problem: the default module's top plate, its material and its pads' thickness. */
const spec = {
  schemaVersion: 1,
  name: 'tiny design',
  base: 'base.json',
  targetPressure: 5,
  variables: {
    topThickness: { min: 15, max: 35 },
    plateMaterial: ['carbon-steel', 'al-7075-t6'],
    padThickness: { min: 1.5, max: 4.5 },
  },
  constraints: { meanPressure: 0.05, cov: 0.1, safetyFactor: 2 },
  objectives: { measure: 'mass', cell: 'ncm811-li-30um-separator', systemKWh: 10 },
  optimiser: { seed: 1, budget: 12, population: 6 },
  bestCovLimit: 0.1,
};

interface RecordDesign {
  index: number;
  status: string;
  front: boolean;
  objectives: { cov: number | null } | null;
}
interface DesignRecord {
  name: string;
  front: number[];
  best: { index: number } | null;
  designs: RecordDesign[];
}

/** The CoV as the Design tab prints it: 4 decimals. */
const printed = (v: number) => v.toFixed(4);

/**
 * The Design tab: a `stackpress design` run written by the CLI in this process opens from its
 * folder; the chart plots the run's solved designs and its front, the table lists the front; the
 * best design, clicked, is built and solved in the page with the CoV the run recorded; Open as
 * case makes it the viewer's case; a tampered design.json is refused naming its key.
 */
describe('Design tab (production build in Chromium)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let out: string;
  let folder: string;
  let record: DesignRecord;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'stackpress-design-'));
    writeFileSync(join(out, 'base.json'), JSON.stringify({ ...defaultCase, mesh: { size: COARSE } }));
    writeFileSync(join(out, 'spec.json'), JSON.stringify(spec));
    folder = join(out, 'run');
    const code = await runCli([
      'node',
      'stackpress',
      'design',
      join(out, 'spec.json'),
      '--out',
      folder,
      '--workers',
      '1',
    ]);
    expect(code).toBe(0);
    record = JSON.parse(readFileSync(join(folder, 'design.json'), 'utf8'));
    expect(record.best).not.toBeNull();
    const served = await serveBuild();
    server = served.server;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1700, height: 1300 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${served.url}?case=default`);
    await waitForSolved(page);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("opens the whole design folder: the chart's points, front and table are the run's", async () => {
    await page.click('[data-testid="tab-design"]');
    const files = readdirSync(folder).map((n) => join(folder, n));
    expect(files.length).toBeGreaterThan(3);
    await page.setInputFiles('[data-testid="design-file-input"]', files);
    await page.waitForSelector('[data-testid="design-front"] [data-rendered="yes"]', { timeout: 60_000 });
    const s = await designState(page);
    expect(s.error).toBe('');
    // every solved design of the file is a point; an unsolved one has no CoV to plot
    const solved = record.designs.filter((d) => d.status !== 'failed' && d.objectives?.cov != null);
    expect(s.points).toEqual(solved.map((d) => d.index));
    expect([...s.front].sort((a, b) => a - b)).toEqual([...record.front].sort((a, b) => a - b));
    expect(s.best).toBe(record.best?.index);
    // the table: the front's designs (and the best), each with the CoV the file records
    const wanted = new Set([...record.front, record.best?.index as number]);
    expect(s.rows.map((r) => r.index).sort((a, b) => a - b)).toEqual([...wanted].sort((a, b) => a - b));
    for (const r of s.rows) {
      const d = record.designs.find((x) => x.index === r.index);
      expect(r.cov).toBe(printed(d?.objectives?.cov as number));
    }
    await page.screenshot({ path: join(ARTIFACTS, 'design-front.png'), fullPage: true });
  });

  it('solves a front design clicked on the chart', async () => {
    // the front's points are filled discs of the front colour; find the densest such pixel left of
    // the legend (the legend's own disc is at the right) and click it through the canvas's scale
    const at = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="design-front"] canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return null;
      const { width, height } = canvas;
      const px = ctx.getImageData(0, 0, width, height).data;
      const red = (x: number, y: number) => {
        const k = 4 * (y * width + x);
        return Math.abs(px[k] - 192) < 12 && Math.abs(px[k + 1] - 57) < 12 && Math.abs(px[k + 2] - 43) < 12;
      };
      let best = { x: 0, y: 0, n: 0 };
      const r = Math.round(width / 300);
      for (let y = r; y < height - r; y += 1)
        for (let x = r; x < width * 0.6; x += 1) {
          if (!red(x, y)) continue;
          let n = 0;
          for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (red(x + dx, y + dy)) n++;
          if (n > best.n) best = { x, y, n };
        }
      const box = canvas.getBoundingClientRect();
      return {
        x: box.left + (best.x * box.width) / width,
        y: box.top + (best.y * box.height) / height,
        n: best.n,
        r,
      };
    });
    expect(at).not.toBeNull();
    // a disc fills its window; a 3 px line fills about a third of it
    expect(at?.n).toBeGreaterThan(((2 * (at?.r ?? 0) + 1) ** 2 * 2) / 3);
    await page.mouse.click(at?.x as number, at?.y as number);
    await page.waitForSelector('[data-testid="design-chosen"]', { timeout: 10_000 });
    const index = Number(await page.getAttribute('[data-testid="design-chosen"]', 'data-index'));
    expect(record.front).toContain(index);
    await waitForDesign(page, index);
    const s = await designState(page);
    const runCov = record.designs.find((d) => d.index === index)?.objectives?.cov as number;
    expect(s.solvedCov).toBe(printed(runCov));
    expect(await page.getAttribute('[data-testid="design-front-host"]', 'data-selected')).toBe(String(index));
  });

  it("solves the best design clicked in the table: its map is drawn and its CoV is the run's", async () => {
    const best = record.best?.index as number;
    await page.click(`[data-testid="design-row-${best}"]`);
    await waitForDesign(page, best);
    const s = await designState(page);
    expect(s.caption).toBe(`design #${best} of ${record.name}`);
    const runCov = record.designs.find((d) => d.index === best)?.objectives?.cov as number;
    expect(s.solvedCov).toBe(printed(runCov));
    await page.waitForSelector(
      '[data-testid="design-chosen"] [data-testid="top-view-map"] [data-rendered="yes"]',
      {
        timeout: 60_000,
      },
    );
    expect(s.parts).toContain('top plate');
    expect(s.parts.length).toBeGreaterThan(2);
    expect(s.margins).toBeGreaterThan(3);
    await page.locator('[data-testid="design-chosen"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'design-chosen.png'), fullPage: true });
  });

  it('opens the chosen design as the case: solved, and the other tabs show it', async () => {
    const best = record.best?.index as number;
    const since = await solveCount(page);
    await page.click('[data-testid="design-open-case"]');
    await waitForSolved(page, since);
    const status = page.locator('[data-testid="status"]');
    expect(await status.getAttribute('data-status')).toBe('done');
    // designCase names the case after its base case
    expect(await status.getAttribute('data-shown')).toBe(`default-design · solve #${since + 1}`);
    expect(await status.textContent()).toContain('default-design');
    expect(await page.textContent('[data-testid="caption-parameters"]')).toBe(
      `inputs of design #${best} of ${record.name}`,
    );
    await page.click('[data-testid="tab-top"]');
    await page.waitForSelector(
      '[data-testid="top-host"] [data-testid="top-view-map"] [data-rendered="yes"]',
      {
        timeout: 60_000,
      },
    );
    await page.screenshot({ path: join(ARTIFACTS, 'design-open-as-case.png'), fullPage: true });
  });

  it("the design folder opened from the toolbar's Open… shows the Design tab, not a case", async () => {
    await page.click('[data-testid="tab-3d"]');
    const files = readdirSync(folder).map((n) => join(folder, n));
    const since = await solveCount(page);
    await page.setInputFiles('[data-testid="file-input"]', files);
    await page.waitForSelector('[data-testid="design-front"] [data-rendered="yes"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="tab-design"]', 'class')).toBe('active');
    // the case opened before stays open: a design run is not a case
    expect(await solveCount(page)).toBe(since);
    expect(await page.getAttribute('[data-testid="status"]', 'data-shown')).toBe(
      `default-design · solve #${since}`,
    );
    expect((await designState(page)).rows.length).toBe(new Set([...record.front, record.best?.index]).size);
  });

  it('refuses a tampered design.json, naming the key, and shows no front', async () => {
    await page.click('[data-testid="tab-design"]');
    const tampered = JSON.parse(readFileSync(join(folder, 'design.json'), 'utf8'));
    tampered.designs[0].objectives.cov = Number.MAX_VALUE * -1;
    await page.setInputFiles(
      '[data-testid="design-file-input"]',
      filePayload('design.json', JSON.stringify(tampered, null, 2)),
    );
    await page.waitForSelector('[data-testid="design-file-error"]');
    const s = await designState(page);
    expect(s.error).toContain('design.json: designs.0.objectives.cov');
    expect(s.rows).toEqual([]);
    expect(await page.locator('[data-testid="design-front"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
