import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseSummary, solveCase, summaryOf } from '../../src/index';
import {
  ARTIFACTS,
  canvasPixels,
  launchChromium,
  readValue,
  serveBuild,
  solveCount,
  waitForSolved,
} from './browser';

const defaultCase = JSON.parse(readFileSync(new URL('../../cases/default.json', import.meta.url), 'utf8'));

/** Same value as the CLI to ~1 ulp-level noise (the browser's V8 may round Math.* differently). */
const expectSame = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('viewer (production build in Chromium)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let cli: CaseSummary;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const served = await serveBuild();
    server = served.server;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.url}?case=default`);
    // the CLI-equivalent summary, solved in Node while the browser solves the same case
    cli = summaryOf(solveCase(defaultCase));
  });

  afterAll(async () => {
    console.log('e2e timings [s]:', JSON.stringify(timings));
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('loads and solves the default case in a worker', async () => {
    timings.firstSolve = await waitForSolved(page);
    expect(await page.textContent('[data-testid="status"]')).toMatch(/Solved default/);
    // the preview server isolates the page, so the solver worker factors on two threads
    expect(await readValue(page, 'factor-threads')).toBe(2);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${ARTIFACTS}default-3d.png` });
  });

  it('draws the model (the WebGL canvas is not blank)', async () => {
    const px = await canvasPixels(page, '.scene-host canvas');
    expect(px.width).toBeGreaterThan(100);
    expect(px.nonBackground / (px.width * px.height)).toBeGreaterThan(0.05);
    expect(px.distinctColours).toBeGreaterThan(50);
  });

  it('shows the colour bar over the solved pressure range', async () => {
    expectSame(await readValue(page, 'colorbar-min'), cli.pressure.min);
    expectSame(await readValue(page, 'colorbar-max'), cli.pressure.max);
  });

  it("shows the CLI's statistics, bolt forces and plate stresses", async () => {
    for (const key of [
      'mean',
      'min',
      'max',
      'std',
      'cov',
      'maxOverMean',
      'p5',
      'p95',
      'contactFraction',
      'within10',
      'force',
      'area',
    ] as const)
      expectSame(await readValue(page, `stat-${key}`), cli.pressure[key]);
    if (cli.swelling) expectSame(await readValue(page, 'swell-mean'), cli.swelling.pressure.mean);
    expectSame(await readValue(page, 'balance-boltForce'), cli.balance.boltForce);
    expectSame(await readValue(page, 'nominalPressure'), cli.nominalPressure);
    for (const [i, b] of cli.bolts.entries()) {
      expectSame(await readValue(page, `bolt-${i}-force`), b.force);
      expectSame(await readValue(page, `bolt-${i}-forceAfterSwelling`), b.forceAfterSwelling);
    }
    for (const [i, p] of cli.plates.entries()) {
      expectSame(await readValue(page, `plate-${i}-vonMisesMax`), p.vonMisesMax);
      expectSame(await readValue(page, `plate-${i}-safetyFactor`), p.safetyFactor);
    }
  });

  it('shows the top view with its histogram', async () => {
    await page.click('[data-testid="tab-top"]');
    await page.waitForSelector('[data-testid="top-view-map"] canvas');
    await page.waitForSelector('[data-testid="histogram"] canvas');
    const px = await canvasPixels(page, '[data-testid="top-view-map"] canvas');
    expect(px.distinctColours).toBeGreaterThan(20);
    await page.screenshot({ path: `${ARTIFACTS}default-top-view.png` });
    await page.selectOption('[data-testid="film-select"]', 'LW');
    await page.screenshot({ path: `${ARTIFACTS}default-top-view-film-LW.png` });
    await page.selectOption('[data-testid="film-select"]', 'scale');
  });

  it('the 3D view follows the load state chosen in the top view', async () => {
    const swollen = cli.swelling?.interfaces[0].pressure;
    expect(swollen).toBeDefined();
    await page.click('[data-testid="load-state-swollen"]');
    await page.click('[data-testid="tab-3d"]');
    await page.waitForSelector('[data-testid="colorbar"]');
    expect(await page.textContent('[data-testid="colorbar"]')).toContain('after swelling');
    expectSame(await readValue(page, 'colorbar-max'), swollen?.max ?? Number.NaN);
    await page.click('[data-testid="tab-top"]');
    await page.click('[data-testid="load-state-loadUp"]');
    await page.click('[data-testid="tab-3d"]');
    expect(await page.textContent('[data-testid="colorbar"]')).toContain('after load-up');
    expectSame(await readValue(page, 'colorbar-max'), cli.pressure.max);
    await page.click('[data-testid="tab-top"]');
    await page.waitForSelector('[data-testid="top-view-map"] canvas');
  });

  it('re-solves after an edit and the map changes', async () => {
    const before = await canvasPixels(page, '[data-testid="top-view-map"] canvas');
    const meanBefore = await readValue(page, 'stat-mean');
    // 7000 N keeps the default case's disc springs off their solid length
    await page.fill('[data-testid="edit-preload"]', '7000');
    const since = await solveCount(page);
    await page.click('[data-testid="resolve"]');
    timings.reSolve = await waitForSolved(page, since);
    await page.waitForTimeout(300);
    const after = await canvasPixels(page, '[data-testid="top-view-map"] canvas');
    expect(await readValue(page, 'stat-mean')).toBeGreaterThan(meanBefore * 1.05);
    expect(after.hash).not.toBe(before.hash);
    await page.screenshot({ path: `${ARTIFACTS}edited-preload-top-view.png` });
    await page.click('[data-testid="tab-3d"]');
    // the colour bar of the 3D view follows the new solve
    expect(await readValue(page, 'colorbar-max')).not.toBe(cli.pressure.max);
    await page.click('[data-testid="exploded"]');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${ARTIFACTS}edited-preload-3d-assembled.png` });
  });

  it('re-solves on a finer mesh, the helper thread joining the factorization', async () => {
    const dofs = async () =>
      Number(
        (
          /([\d,]+) DOFs/.exec((await page.textContent('[data-testid="status"]')) ?? '')?.[1] ?? 'NaN'
        ).replace(/,/g, ''),
      );
    const dofsBefore = await dofs();
    await page.fill('[data-testid="edit-meshSize"]', '1.5');
    let since = await solveCount(page);
    await page.click('[data-testid="resolve"]');
    timings.mesh15 = await waitForSolved(page, since);
    expect(await page.textContent('[data-testid="status"]')).toMatch(/Solved default/);
    expect(await readValue(page, 'factor-threads')).toBe(2);
    // a new mesh is a new factorization; the helper thread has long loaded
    const helped = Number(await page.getAttribute('[data-testid="factor-threads"]', 'data-helped'));
    expect(helped).toBeGreaterThanOrEqual(1);
    expect(await dofs()).toBeGreaterThan(1.5 * dofsBefore);
    await page.fill('[data-testid="edit-meshSize"]', '2');
    since = await solveCount(page);
    await page.click('[data-testid="resolve"]');
    await waitForSolved(page, since);
  });

  it('cancels a running solve and keeps the last result', async () => {
    const meanBefore = await readValue(page, 'stat-mean');
    // a re-solve of the default case takes a few hundred ms at most, less than a timer's poll on a
    // busy machine: click Cancel from inside the page the moment React puts it in the DOM
    await page.evaluate(async () => {
      const clicked = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no Cancel button while solving')), 5000);
        const observer = new MutationObserver(() => {
          const cancel = document.querySelector<HTMLButtonElement>('[data-testid="cancel"]');
          if (!cancel) return;
          observer.disconnect();
          clearTimeout(timer);
          cancel.click();
          resolve();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      (document.querySelector('[data-testid="solve"]') as HTMLButtonElement).click();
      await clicked;
    });
    await page.waitForSelector('[data-testid="status"][data-status="cancelled"]');
    expect(await readValue(page, 'stat-mean')).toBe(meanBefore);
  });

  it('a crafted result.json shows a message in its panel instead of blanking the app', async () => {
    const crafted = { schema: 'stackpress.result/1', name: 'crafted', pressure: null, plates: 'x' };
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'result.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(crafted)),
    });
    await page.waitForSelector('[data-testid="panel-error"]');
    // the rest of the app still stands: the header, the tabs and the case toolbar
    expect(await page.isVisible('[data-testid="tab-top"]')).toBe(true);
    expect(await page.isVisible('[data-testid="solve"]')).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}crafted-result.png` });
    // opening a case from the library clears the message
    const since = await solveCount(page);
    await page.selectOption('[data-testid="case-select"]', 'fig5b-gaskets');
    await waitForSolved(page, since);
    expect(await page.locator('[data-testid="panel-error"]').count()).toBe(0);
  });

  it('solves the four Fig 5b housings side by side', async () => {
    await page.click('[data-testid="tab-compare"]');
    await page.click('[data-testid="compare-run"]');
    await page.waitForFunction(
      () => document.querySelectorAll('.comparison-cell canvas').length === 4,
      undefined,
      { timeout: 240_000 },
    );
    await page.screenshot({ path: `${ARTIFACTS}fig5b-comparison.png` });
  });

  it('draws the model that was solved: interleaf plates, a rigid base as ground, interfaces named after the stack', async () => {
    const c = JSON.parse(readFileSync(new URL('../../cases/fig5b-none.json', import.meta.url), 'utf8'));
    c.name = 'interleaved-on-base';
    c.stack.interleaf = { every: 3, thickness: 2, material: 'carbon-steel' };
    c.plates.bottom = { rigid: true, flatness: c.plates.bottom.flatness };
    c.mesh.size = 4;
    const expected = summaryOf(solveCase(c));
    await page.click('[data-testid="tab-3d"]');
    const since = await solveCount(page);
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'interleaved.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(c)),
    });
    await waitForSolved(page, since);
    const options = await page.$$eval('[data-testid="interface-select"] option', (o) =>
      o.map((x) => x.textContent),
    );
    expect(options).toEqual(['cells 1–3 (top plate ↔ interleaf 1)', 'cells 4–6 (interleaf 1 ↔ rigid base)']);
    expect(options).toEqual(expected.interfaces.map((i) => i.name));
    // the scene holds the interleaf plate and the base as a flat ground plane, not a slab (the
    // canvas mounts after the solve lands, so wait for its model)
    await page.waitForFunction(
      () =>
        (
          window as unknown as { __stackpressScene?: { scene: { getObjectByName(n: string): unknown } } }
        ).__stackpressScene?.scene.getObjectByName('interleaf 1') !== undefined,
      undefined,
      { polling: 100, timeout: 30_000 },
    );
    const parts = await page.evaluate(() => {
      const scene = (
        window as unknown as {
          __stackpressScene: {
            scene: { getObjectByName(n: string): { geometry?: { type: string } } | undefined };
          };
        }
      ).__stackpressScene.scene;
      return ['interleaf 1', 'rigid base', 'bottom plate'].map(
        (n) => scene.getObjectByName(n)?.geometry?.type ?? null,
      );
    });
    expect(parts).toEqual(['BufferGeometry', 'PlaneGeometry', null]);
    // the lower interface: its own colour range
    await page.selectOption('[data-testid="interface-select"]', '1');
    expectSame(await readValue(page, 'colorbar-max'), expected.interfaces[1].pressure.max);
    expect(await page.textContent('[data-testid="colorbar"]')).toContain(
      'cells 4–6 (interleaf 1 ↔ rigid base)',
    );
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${ARTIFACTS}interleaved-rigid-base-3d.png` });
  });
});
