import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../../viewer/vite.config.ts', import.meta.url));

/** Serve the production build (viewer/dist, made by `npm run test:e2e` before the tests) on a loopback port. */
export async function serveBuild(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    configFile: VITE_CONFIG,
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not bind a TCP port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Headless Debian Chromium; WebGL through SwiftShader since there is no GPU. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
}

/** Solves the app has started so far; pass it to `waitForSolved` before triggering the next one. */
export async function solveCount(page: Page): Promise<number> {
  return Number((await page.getAttribute('[data-testid="status"]', 'data-solve')) ?? 0);
}

/**
 * Wait until a solve started after `since` (see solveCount) has finished, and return the solve
 * time the app shows [s]. Polls on a timer, not on animation frames: with a software
 * rasterizer one frame of a fine mesh can outlast a whole solve.
 */
export async function waitForSolved(page: Page, since = 0, timeout = 240_000): Promise<number> {
  await page.waitForFunction(
    (after) => {
      const el = document.querySelector('[data-testid="status"]');
      const status = el?.getAttribute('data-status');
      return Number(el?.getAttribute('data-solve')) > after && (status === 'done' || status === 'error');
    },
    since,
    { timeout, polling: 100 },
  );
  if ((await page.getAttribute('[data-testid="status"]', 'data-status')) === 'error')
    throw new Error(`the app reports: ${await page.textContent('[data-testid="status"]')}`);
  return Number(await page.getAttribute('[data-testid="solve-seconds"]', 'data-value'));
}

/** Read a numeric data-value attribute. */
export async function readValue(page: Page, testId: string): Promise<number> {
  const v = await page.getAttribute(`[data-testid="${testId}"]`, 'data-value');
  if (v === null) throw new Error(`no data-value on ${testId}`);
  return Number(v);
}

/** Pixel statistics of a canvas (WebGL canvases need preserveDrawingBuffer). */
export async function canvasPixels(
  page: Page,
  selector: string,
): Promise<{ width: number; height: number; distinctColours: number; nonBackground: number; hash: number }> {
  return page.evaluate((sel) => {
    const src = document.querySelector(sel) as HTMLCanvasElement | null;
    if (!src) throw new Error(`no canvas ${sel}`);
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(src, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    let nonBackground = 0;
    let hash = 0;
    const [r0, g0, b0] = [d[0], d[1], d[2]];
    for (let i = 0; i < d.length; i += 4) {
      const key = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      colours.add(key);
      if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 12) nonBackground++;
      hash = (Math.imul(hash, 31) + key) | 0;
    }
    return { width: c.width, height: c.height, distinctColours: colours.size, nonBackground, hash };
  }, selector);
}

/**
 * Click the button with a data-testid and wait for the download it starts; the file's suggested
 * name and its bytes. Fails if no download starts within `timeout` [ms].
 */
export async function downloadOf(
  page: Page,
  testId: string,
  timeout = 120_000,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout }),
    page.click(`[data-testid="${testId}"]`),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** A file for `page.setInputFiles` from text. */
export function filePayload(name: string, text: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/** What every panel of the viewer shows, read off its data-testid attributes. */
export interface PanelState {
  /** the status line's data-status, its text, and the caption of the result it shows ('' for none) */
  status: string;
  statusText: string;
  shown: string;
  /** panels that carry the "stale — re-solve" badge (status, results, 3d, top, view, export, …) */
  stale: string[];
  /** each panel's caption ("default · solve #3", "result.json of x (file)", "inputs of x.json") */
  captions: Record<string, string>;
  hasResults: boolean;
  hasColorbar: boolean;
  hasScene: boolean;
  /** the placeholder texts of an empty results panel and of empty maps, '' when absent */
  resultsEmpty: string;
  mapsEmpty: string;
  compareNote: string;
}

export async function panelState(page: Page): Promise<PanelState> {
  return page.evaluate(() => {
    const q = (sel: string) => document.querySelector(sel);
    const text = (sel: string) => q(sel)?.textContent?.trim() ?? '';
    const status = q('[data-testid="status"]');
    const byPrefix = (prefix: string) =>
      [...document.querySelectorAll(`[data-testid^="${prefix}"]`)].map((el) => ({
        el,
        name: (el.getAttribute('data-testid') ?? '').slice(prefix.length),
      }));
    return {
      status: status?.getAttribute('data-status') ?? '',
      statusText: status?.textContent?.trim() ?? '',
      shown: status?.getAttribute('data-shown') ?? '',
      stale: byPrefix('stale-').map((s) => s.name),
      captions: Object.fromEntries(
        byPrefix('caption-').map(({ el, name }) => [
          name,
          el.querySelector('.caption-text')?.textContent?.trim() ?? el.textContent?.trim() ?? '',
        ]),
      ),
      hasResults: q('[data-testid="stat-mean"]') !== null,
      hasColorbar: q('[data-testid="colorbar"]') !== null,
      hasScene: q('[data-testid="scene-host"] canvas') !== null,
      resultsEmpty: text('[data-testid="results-empty"]'),
      mapsEmpty: text('[data-testid="maps-empty"]'),
      compareNote: text('[data-testid="compare-side-note"]'),
    };
  });
}

/**
 * Wait until the Spread tab's study has finished (done, or error: then throw the message), polling
 * on a timer as `waitForSolved` does.
 */
export async function waitForStudy(page: Page, timeout = 240_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="spread-status"]')?.getAttribute('data-status');
      return status === 'done' || status === 'error' || status === 'cancelled';
    },
    undefined,
    { timeout, polling: 100 },
  );
  const status = await page.getAttribute('[data-testid="spread-status"]', 'data-status');
  if (status !== 'done')
    throw new Error(
      `the Spread tab reports ${status}: ${await page.textContent('[data-testid="spread-status"]')}`,
    );
}

/** What the Spread tab shows, read off its data-testid attributes. */
export interface SpreadState {
  /** the study line's data-status and text */
  status: string;
  statusText: string;
  /** the shown study's caption ('' for none) and its badges */
  caption: string;
  stale: boolean;
  inputsUnknown: boolean;
  /** the p50 CoV of the shown load state, as printed and exact ('' and NaN without a study) */
  covP50Text: string;
  covP50: number;
  /** every metric cell's exact value, by `<metric>-<p5|p50|p95>` */
  metrics: Record<string, number>;
  /** failed draws the tab lists */
  failedCount: number;
}

export async function spreadState(page: Page): Promise<SpreadState> {
  return page.evaluate(() => {
    const q = (sel: string) => document.querySelector(sel);
    const status = q('[data-testid="spread-status"]');
    const cov = q('[data-testid="spread-cov-p50"]');
    const metrics: Record<string, number> = {};
    for (const el of document.querySelectorAll('[data-testid^="spread-"][data-value]')) {
      const id = (el.getAttribute('data-testid') ?? '').slice('spread-'.length);
      metrics[id] = Number(el.getAttribute('data-value'));
    }
    return {
      status: status?.getAttribute('data-status') ?? '',
      statusText: status?.textContent?.trim() ?? '',
      caption: q('[data-testid="spread-caption"] .caption-text')?.textContent?.trim() ?? '',
      stale: q('[data-testid="spread-stale"]') !== null,
      inputsUnknown: q('[data-testid="spread-inputs-unknown"]') !== null,
      covP50Text: cov?.textContent?.trim() ?? '',
      covP50: cov ? Number(cov.getAttribute('data-value')) : Number.NaN,
      metrics,
      failedCount: Number(q('[data-testid="spread-failed"]')?.getAttribute('data-count') ?? 0),
    };
  });
}

/** What the Design tab shows, read off its data-testid attributes. */
export interface DesignTabState {
  /** the refused file's message, or '' */
  error: string;
  /** archive indices the chart plots, in file order, its front and its best */
  points: number[];
  front: number[];
  best: number | null;
  /** the front table's rows: archive index and the CoV printed */
  rows: { index: number; cov: string }[];
  /** the chosen design's caption and status, its solved CoV as printed, its parts and margin rows */
  caption: string;
  status: string;
  solvedCov: string;
  parts: string[];
  margins: number;
}

export async function designState(page: Page): Promise<DesignTabState> {
  return page.evaluate(() => {
    const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
    const list = (v: string | null | undefined) => (v ? v.split(',').map(Number) : []);
    const host = q('design-front-host');
    const best = host?.getAttribute('data-best');
    return {
      error: q('design-file-error')?.textContent ?? '',
      points: list(host?.getAttribute('data-points')),
      front: list(host?.getAttribute('data-front')),
      best: best ? Number(best) : null,
      rows: [...document.querySelectorAll('[data-testid="design-table"] tbody tr')].map((tr) => ({
        index: Number(tr.getAttribute('data-index')),
        cov: tr.getAttribute('data-cov') ?? '',
      })),
      caption: q('design-caption')?.textContent ?? '',
      status: q('design-chosen')?.getAttribute('data-status') ?? '',
      solvedCov: q('design-solved-cov')?.getAttribute('data-cov') ?? '',
      parts: [...document.querySelectorAll('[data-testid="design-parts"] tbody tr td:first-child')].map(
        (td) => td.textContent ?? '',
      ),
      margins: document.querySelectorAll('[data-testid="design-margins"] tbody tr').length,
    };
  });
}

/** Wait until the Design tab's chosen design `index` is solved (done; error: throw its message). */
export async function waitForDesign(page: Page, index: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (k) => {
      const el = document.querySelector('[data-testid="design-chosen"]');
      const status = el?.getAttribute('data-status');
      return Number(el?.getAttribute('data-index')) === k && (status === 'done' || status === 'error');
    },
    index,
    { timeout, polling: 100 },
  );
  const status = await page.getAttribute('[data-testid="design-chosen"]', 'data-status');
  if (status === 'error')
    throw new Error(`design #${index}: ${await page.textContent('[data-testid="design-error"]')}`);
}
