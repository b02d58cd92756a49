import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { HistoryState, HistorySummary } from '../../src/history/historyResult';
import { historySummarySchema } from '../../src/history/historySummarySchema';
import { decodeResultFields, encodeResultFields } from '../../src/presentation/fieldsFile';
import type { PressureGrid } from '../../src/presentation/resultFields';
import type { PressureStats } from '../../src/results/pressureStats';
import {
  ARTIFACTS,
  downloadOf,
  filePayload,
  launchChromium,
  readValue,
  serveBuild,
  waitForSolved,
} from './browser';

/**
 * The life history in the viewer: a result folder of fig5b-springs (solved by the CLI; it does not
 * swell, as no case with a history does) given a hand-made history — load-up and four states whose maps are the load-up map times a factor — is
 * opened from its files; the slider and its keys step through the states, the map changes on one
 * colour scale (brighter viridis where the pressure is higher), the readout reads the state's own
 * grid, the History tab's chart marks the chosen state and a click on it chooses a state, and the
 * chart exports as a PNG. Every expected number comes from the factors written here. Last, the
 * lead's cycling-springs case is solved in the page itself (201 states through the worker).
 */

/** Each state's map is the load-up map times this factor [-]; state 3 (1.35) is the only one outside the window. */
const FACTORS = [1, 1.1, 0.8, 1.35, 0.95];
const LABELS = [
  'load-up',
  'cycle 1 charged',
  'cycle 1 discharged',
  'cycle 40 charged',
  'cycle 40 discharged',
];
/** times since load-up [h]: a linear time axis (they span less than two decades) */
const TIMES = [0, 2, 4, 160, 164];
const CYCLES = [0, 0.5, 1, 39.5, 40];

const scaled = (p: PressureStats, f: number): PressureStats => ({
  ...p,
  mean: f * p.mean,
  min: f * p.min,
  max: f * p.max,
  std: f * p.std,
  p5: f * p.p5,
  p95: f * p.p95,
  force: f * p.force,
});

/** The history of a load-up summary: the window is the load-up mean ± 20 %, so only the 1.35 state is outside. */
function historyOf(loadUp: PressureStats, bolt: number): HistorySummary {
  const min = 0.8 * loadUp.mean;
  const max = 1.2 * loadUp.mean;
  const states: HistoryState[] = FACTORS.map((f, i) => ({
    index: i,
    label: LABELS[i],
    time: TIMES[i],
    cycle: CYCLES[i],
    soc: i % 2 === 1 ? 1 : 0,
    deltaT: i % 2 === 1 ? 3 : 0,
    pressure: scaled(loadUp, f),
    interfaces: [{ name: 'cell stack', pressure: scaled(loadUp, f) }],
    boltForce: { mean: f * bolt, min: 0.97 * f * bolt, max: 1.03 * f * bolt, total: 8 * f * bolt },
    springs: null,
    padStrain: null,
    relResidual: 1e-10,
    newtonIterations: 3,
    drivers: { breathing: i % 2 === 1 ? 0.02 : 0, growth: 0.0005 * CYCLES[i], thermal: 0, relaxation: 0 },
    inWindow: f * loadUp.mean >= min && f * loadUp.mean <= max,
  }));
  return {
    window: { min, max, statistic: 'mean', source: 'load-up mean ± 20 %' },
    states,
    verdict: {
      fractionInWindow: 4 / 5,
      statesInWindow: 4,
      worst: {
        index: 3,
        label: LABELS[3],
        value: 1.35 * loadUp.mean,
        limit: max,
        side: 'above',
        excess: 1.35 * loadUp.mean - max,
      },
      driver: 'breathing',
      text: `4 of 5 states hold the mean cell pressure in the window; the worst, ${LABELS[3]}, is above it, driven by cell breathing.`,
    },
    mapStates: [0, 3, 4],
  };
}

/** the result folder the history is added to: a case without swelling */
const BASE = 'fig5b-springs';

const MAP_CANVAS = '[data-testid="top-view-map"] .vega-figure-target[data-rendered="yes"] canvas';
const CHART_CANVAS = '[data-testid="history-chart"] .vega-figure-target[data-rendered="yes"] canvas';

/** Mean of R + G over the map's viridis pixels (saturated ones: not the white page, black text or no-contact grey). */
async function viridisBrightness(page: Page): Promise<{ brightness: number; count: number; hash: number }> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) throw new Error('no map canvas');
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0;
    let count = 0;
    let hash = 0;
    // the map's panel only: the colour bar at its right is the same fixed scale at every state
    const right = Math.floor(canvas.width * 0.7);
    for (let y = 0; y < canvas.height; y++)
      for (let x = 0; x < right; x++) {
        const k = 4 * (y * canvas.width + x);
        const [r, g, b] = [d[k], d[k + 1], d[k + 2]];
        hash = (Math.imul(hash, 31) + ((r << 16) | (g << 8) | b)) | 0;
        if (Math.max(r, g, b) - Math.min(r, g, b) < 40) continue;
        sum += r + g;
        count++;
      }
    return { brightness: count > 0 ? sum / count : 0, count, hash };
  }, MAP_CANVAS);
}

/** The caption's state index and text. */
async function caption(page: Page, scope: string): Promise<{ index: number; text: string }> {
  const el = `${scope} [data-testid="history-slider"]`;
  return {
    index: Number(await page.getAttribute(el, 'data-index')),
    text: ((await page.textContent(`${scope} [data-testid="history-caption"]`)) ?? '').replace(/\s+/g, ' '),
  };
}

/** Wait for the map of state `index` to be drawn. */
async function mapOf(page: Page, index: number): Promise<void> {
  await page.waitForSelector(`[data-testid="top-host"] .top-view-figures[data-history-index="${index}"]`);
  await page.waitForFunction(
    (sel) => {
      const target = document.querySelector(sel);
      return !!target && target.querySelector('canvas') !== null;
    },
    MAP_CANVAS.replace(' canvas', ''),
    { polling: 100 },
  );
}

/**
 * The page-px centre of the pixels of a colour on the chart's canvas, their count and the column
 * holding most of them, left of `right` (a share of the width: the legend repeats some colours).
 */
async function pixelsOf(
  page: Page,
  rgb: [number, number, number],
  tolerance = 40,
  rightShare = 1,
): Promise<{ x: number; y: number; n: number; column: number }> {
  return page.evaluate(
    ({ sel, rgb: [r0, g0, b0], tolerance: tol, rightShare: share }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(sel);
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) throw new Error('no chart canvas');
      const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let sx = 0;
      let sy = 0;
      let n = 0;
      const columns = new Map<number, number>();
      const right = Math.floor(canvas.width * share);
      for (let y = 0; y < canvas.height; y++)
        for (let x = 0; x < right; x++) {
          const k = 4 * (y * canvas.width + x);
          if (Math.abs(d[k] - r0) + Math.abs(d[k + 1] - g0) + Math.abs(d[k + 2] - b0) > tol) continue;
          sx += x;
          sy += y;
          n++;
          columns.set(x, (columns.get(x) ?? 0) + 1);
        }
      const box = canvas.getBoundingClientRect();
      // the column holding most of the colour: a vertical rule's
      let column = -1;
      let most = 0;
      for (const [x, c] of columns) if (c > most) [column, most] = [x, c];
      return n === 0
        ? { x: Number.NaN, y: Number.NaN, n, column }
        : {
            x: box.left + ((sx / n) * box.width) / canvas.width,
            y: box.top + ((sy / n) * box.height) / canvas.height,
            n,
            column,
          };
    },
    { sel: CHART_CANVAS, rgb, tolerance, rightShare },
  );
}

/**
 * The page-px centre of the rightmost red mark on the chart — the worst state's diamond and its
 * outside-the-window ring, which sit on the state's point (and its mean's dot) — found from the
 * pixels alone: the red pixels within a diamond's width left of the rightmost red pixel (the
 * legend's red swatches and the worst state's label lie further left in this fixture, whose worst
 * state is near the end of the time axis).
 */
async function redMarks(page: Page): Promise<{ x: number; y: number; n: number }> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) throw new Error('no chart canvas');
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const red: [number, number][] = [];
    for (let y = 0; y < canvas.height; y++)
      for (let x = 0; x < canvas.width; x++) {
        const k = 4 * (y * canvas.width + x);
        if (Math.abs(d[k] - 0xb2) + Math.abs(d[k + 1] - 0x18) + Math.abs(d[k + 2] - 0x2b) <= 30)
          red.push([x, y]);
      }
    if (red.length === 0) return { x: Number.NaN, y: Number.NaN, n: 0 };
    const [rx, ry] = red.reduce((a, b) => (b[0] > a[0] ? b : a));
    // the rightmost red pixel is the diamond's right corner, level with its centre: along that row the
    // diamond's left corner is the leftmost red pixel within its width (size 900: 30 px across, plus
    // stroke); the state's label ends 24 px left of the centre but 12 px or more above it, off the row
    const row = red.filter(([x, y]) => y === ry && x >= rx - 45);
    const cx = (Math.min(...row.map(([x]) => x)) + rx) / 2;
    const cy = ry;
    const box = canvas.getBoundingClientRect();
    return {
      x: box.left + (cx * box.width) / canvas.width,
      y: box.top + (cy * box.height) / canvas.height,
      n: red.length,
    };
  }, CHART_CANVAS);
}

describe('life history: state slider, maps and trajectory chart (production build in Chromium)', () => {
  let server: PreviewServer;
  let url: string;
  let browser: Browser;
  let page: Page;
  let cliDir: string;
  let loadUpGrid: PressureGrid;
  let loadUpStats: PressureStats;
  let boltMean: number;
  let files: ReturnType<typeof filePayload>[];
  const errors: string[] = [];

  beforeAll(async () => {
    const served = await serveBuild();
    server = served.server;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    cliDir = mkdtempSync(join(tmpdir(), 'stackpress-history-'));
    expect(await runCli(['node', 'stackpress', 'solve', `cases/${BASE}.json`, '--out', cliDir])).toBe(0);
    const dir = join(cliDir, BASE);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    const { fields, inputHash } = decodeResultFields(readFileSync(join(dir, 'fields.json'), 'utf8'));
    loadUpGrid = fields.interfaces[0].grid;
    // the load-up bolt tension over the bolts [N]: state 0's bolt row is load-up's own
    const forces: number[] = result.bolts.map((b: { force: number }) => b.force);
    const bolt = forces.reduce((a, b) => a + b, 0) / forces.length;
    loadUpStats = result.interfaces[0].pressure;
    boltMean = bolt;
    const history = historyOf(loadUpStats, bolt);
    // the fixture is a history result.json could hold: the viewer's own check must pass it
    historySummarySchema.parse(history);
    const grids = FACTORS.map((f) => ({
      ...loadUpGrid,
      values: Float64Array.from(loadUpGrid.values, (p) => f * p),
      contact: loadUpGrid.contact.slice(),
    }));
    const withHistory = { ...fields, history: { grids, contactThreshold: 0.01 } };
    files = [
      filePayload('result.json', JSON.stringify({ ...result, history })),
      filePayload('fields.json', encodeResultFields(withHistory, inputHash)),
      filePayload('case.json', readFileSync(join(dir, 'case.json'), 'utf8')),
    ];
    url = served.url;
    await page.goto(`${url}?case=${BASE}`);
    await waitForSolved(page);
    await page.setInputFiles('[data-testid="file-input"]', files);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="status"]')?.getAttribute('data-shown')?.includes('(file)'),
      undefined,
      { polling: 100 },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    if (cliDir) rmSync(cliDir, { recursive: true, force: true });
  });

  it('the Top view opens on load-up; the slider, its keys and buttons step the map on one fixed colour scale', async () => {
    await page.click('[data-testid="tab-top"]');
    await mapOf(page, 0);
    // a history and no swelling step (the solve makes one or the other): the slider alone chooses the map
    expect(await page.getAttribute('[data-testid="load-state"]', 'data-history')).toBe('true');
    expect(await page.locator('[data-testid="load-state"] input[type="radio"]').count()).toBe(0);
    let c = await caption(page, '[data-testid="top-host"]');
    expect(c.index).toBe(0);
    expect(c.text).toContain('load-up');
    // the colour scale is the in-contact range (above the 0.01 MPa threshold written into fields.json)
    // over all five maps, known from the factors (fields.json keeps the maps at Float32: 1e-6 relative)
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const f of FACTORS)
      for (const v of loadUpGrid.values)
        if (f * v > 0.01) {
          lo = Math.min(lo, f * v);
          hi = Math.max(hi, f * v);
        }
    const figures = '[data-testid="top-host"] .top-view-figures';
    const scale = async () => [
      Number(await page.getAttribute(figures, 'data-scale-lo')),
      Number(await page.getAttribute(figures, 'data-scale-hi')),
    ];
    const [lo0, hi0] = await scale();
    expect(Math.abs(lo0 - lo) / lo).toBeLessThan(1e-5);
    expect(Math.abs(hi0 - hi) / hi).toBeLessThan(1e-5);
    const atLoadUp = await viridisBrightness(page);
    await page.screenshot({ path: join(ARTIFACTS, 'history-top-state0.png') });

    // → on the range input: state 1 (×1.1), brighter on the same scale
    await page.focus('[data-testid="top-host"] [data-testid="history-range"]');
    await page.keyboard.press('ArrowRight');
    await mapOf(page, 1);
    c = await caption(page, '[data-testid="top-host"]');
    expect(c.index).toBe(1);
    expect(c.text).toContain('cycle 1 charged');
    expect(c.text).toContain('t 2.0 h');
    expect(c.text).toContain('SOC 100 %');
    expect(c.text).toContain('ΔT +3.0 K');
    expect(await scale()).toEqual([lo0, hi0]);
    const atOne = await viridisBrightness(page);
    expect(atOne.hash).not.toBe(atLoadUp.hash);

    // the step button twice: state 3 (×1.35), outside the window, brighter still
    await page.click('[data-testid="top-host"] [data-testid="history-next"]');
    await page.click('[data-testid="top-host"] [data-testid="history-next"]');
    await mapOf(page, 3);
    c = await caption(page, '[data-testid="top-host"]');
    expect(c.text).toContain('cycle 40 charged');
    expect(c.text).toContain('outside window');
    const atThree = await viridisBrightness(page);
    await page.screenshot({ path: join(ARTIFACTS, 'history-top-state3.png') });
    // the back button from state 3: state 2 (×0.8), darker than load-up
    await page.click('[data-testid="top-host"] [data-testid="history-prev"]');
    await mapOf(page, 2);
    const atTwo = await viridisBrightness(page);
    // at one scale, a higher pressure is a brighter (yellower) viridis: ordered as the factors 0.8 < 1 < 1.1 < 1.35
    expect(atTwo.brightness).toBeLessThan(atLoadUp.brightness);
    expect(atLoadUp.brightness).toBeLessThan(atOne.brightness);
    expect(atOne.brightness).toBeLessThan(atThree.brightness);
    expect(await scale()).toEqual([lo0, hi0]);
  });

  it('the readout reads the shown state’s own grid', async () => {
    // state 2: every value is 0.8 × the load-up one
    const box = await page.locator(MAP_CANVAS).boundingBox();
    if (!box) throw new Error('no map on the page');
    let reading: { x: number; y: number; p: string } | null = null;
    // fig5b-springs's centre is out of contact: try the footprint's edges (the footprint spans about
    // 18–52 % of the figure's width and 31–79 % of its height) until a point in contact is read
    for (const [fx, fy] of [
      [0.22, 0.72],
      [0.22, 0.4],
      [0.48, 0.72],
      [0.48, 0.4],
      [0.3, 0.5],
    ]) {
      await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
      const el = '[data-testid="top-view-readout"]';
      const p = await page.getAttribute(el, 'data-p');
      if (p && p !== 'none') {
        reading = {
          x: Number(await page.getAttribute(el, 'data-x')),
          y: Number(await page.getAttribute(el, 'data-y')),
          p,
        };
        break;
      }
    }
    expect(reading, 'a reading in contact on the map').not.toBeNull();
    if (!reading) return;
    const g = loadUpGrid;
    const i = Math.round((reading.x - g.x0) / g.dx);
    const j = Math.round((reading.y - g.y0) / g.dy);
    // the file keeps Float32: 0.8 × the load-up value to 1e-6 relative, far below the 3 decimals shown
    expect(Number(reading.p)).toBeCloseTo(0.8 * g.values[j * g.nx + i], 3);
  });

  it('the History tab marks the chosen state, a click on the chart chooses one, and the chart exports', async () => {
    await page.mouse.move(0, 0);
    await page.click('[data-testid="tab-history"]');
    await page.waitForSelector(CHART_CANVAS);
    expect(await page.getAttribute('[data-testid="history-chart-host"]', 'data-chosen')).toBe('2');
    expect(await page.textContent('[data-testid="history-verdict-text"]')).toContain('4 of 5 states');
    expect(await page.textContent('[data-testid="history-window"]')).toContain('load-up mean ± 20 %');
    // the orange rule of the chosen state: it moves right as later states are chosen
    const orange: [number, number, number] = [0xe6, 0x7e, 0x22];
    const ruleAt2 = (await pixelsOf(page, orange, 30)).column;
    await page.screenshot({ path: join(ARTIFACTS, 'history-tab-state2.png') });
    await page.click('[data-testid="history-view"] [data-testid="history-next"]');
    await page.waitForSelector('[data-testid="history-chart-host"][data-chosen="3"]');
    await page.waitForSelector(CHART_CANVAS);
    await page.waitForTimeout(300);
    const ruleAt3 = (await pixelsOf(page, orange, 30)).column;
    expect(ruleAt2).toBeGreaterThan(0);
    // state 2 is at 4 h, state 3 at 160 h on a linear axis up to 164 h: far right of it
    expect(ruleAt3).toBeGreaterThan(ruleAt2 + 100);

    // back to load-up by the slider's Home key, then click the worst state's red marks on the chart
    await page.focus('[data-testid="history-view"] [data-testid="history-range"]');
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-testid="history-chart-host"][data-chosen="0"]');
    await page.waitForSelector(CHART_CANVAS);
    await page.waitForTimeout(300);
    // the legend sits above the plots and repeats the red: only the pressure panel's band, below it
    const red = await redMarks(page);
    expect(red.n).toBeGreaterThan(20);
    await page.mouse.click(red.x, red.y);
    await page.waitForSelector('[data-testid="history-chart-host"][data-chosen="3"]', { timeout: 10_000 });
    expect((await caption(page, '[data-testid="history-view"]')).text).toContain('cycle 40 charged');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'history-tab-clicked.png') });

    const png = await downloadOf(page, 'export-history-png');
    expect(png.name).toBe(`${BASE}-history.png`);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // A4 landscape at 150 dpi, as the CLI's figures
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1754, 1240]);
    // the map of the chosen state at print size, as the CLI names its history maps
    const map = await downloadOf(page, 'export-history-map-png');
    expect(map.name).toBe(`${BASE}-history-map-3.png`);
    expect([map.bytes.readUInt32BE(16), map.bytes.readUInt32BE(20)]).toEqual([1754, 1240]);
    writeFileSync(join(ARTIFACTS, 'history-map-3-export.png'), map.bytes);
  });

  it('the Results panel and the Export panel follow the chosen state; the report has the history chart', async () => {
    // state 3 is chosen (the History tab's click): the Results panel shows it, named
    const heading = '[data-testid="results-pressure-heading"]';
    await page.waitForSelector('[data-testid="results-panel"][data-history-index="3"]');
    expect(await page.textContent(heading)).toBe('Cell pressure · cycle 40 charged (state 3, t = 160 h)');
    // its statistics are 1.35 × load-up's (the fixture's factor; the summary's numbers, not Float32 maps)
    expect(await readValue(page, 'history-stat-mean')).toBeCloseTo(1.35 * loadUpStats.mean, 12);
    expect(await readValue(page, 'history-stat-p95')).toBeCloseTo(1.35 * loadUpStats.p95, 12);
    expect(await page.locator('[data-testid="stat-mean"]').count()).toBe(0);
    expect(await readValue(page, 'history-state-time')).toBe(160);
    expect(await readValue(page, 'history-state-boltMean')).toBeCloseTo(1.35 * boltMean, 9);
    expect(await readValue(page, 'history-state-boltMax')).toBeCloseTo(1.03 * 1.35 * boltMean, 9);
    expect(await page.textContent('[data-testid="history-state-deltaT"]')).toBe('+3.0');
    expect(await page.textContent('[data-testid="history-state-inWindow"]')).toBe('no');
    expect(await page.textContent('[data-testid="results-bolts-heading"]')).toContain('load-up');
    await page.screenshot({ path: join(ARTIFACTS, 'history-results-state3.png') });

    // the Export panel's map is state 3's, as the CLI names its history maps, at print size
    expect(await page.getAttribute('[data-testid="export-map-note"]', 'data-history-index')).toBe('3');
    await page
      .locator('[data-testid="export-panel"]')
      .screenshot({ path: join(ARTIFACTS, 'history-export-panel.png') });
    const png = await downloadOf(page, 'export-map-png');
    expect(png.name).toBe(`${BASE}-history-map-3.png`);
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1754, 1240]);
    writeFileSync(join(ARTIFACTS, 'history-export-map-3.png'), png.bytes);
    const svg = await downloadOf(page, 'export-map-svg');
    expect(svg.name).toBe(`${BASE}-history-map-3.svg`);
    expect(svg.bytes.toString('utf8')).toContain('cycle 40 charged');

    // the design report carries the life history's section with its chart
    const html = (await downloadOf(page, 'export-report')).bytes.toString('utf8');
    expect(html).toContain('Life history');
    expect(html).toMatch(
      /<img src="data:image\/svg\+xml[^"]*" alt="Figure \d+\.1: cell pressure under the top plate \(mean, p5–p95, min–max\) \[MPa\] and bolt tension \[N\] over the life history/,
    );

    // load-up by the slider's Home key: the panels are as before a history was chosen
    await page.focus('[data-testid="history-view"] [data-testid="history-range"]');
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-testid="results-panel"][data-history-index=""]');
    expect(await page.textContent(heading)).toBe('Cell pressure · load-up');
    expect(await readValue(page, 'stat-mean')).toBeCloseTo(loadUpStats.mean, 12);
    expect(await page.locator('[data-testid="results-history-state"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="results-bolts-heading"]')).toBe('Bolt forces [N]');
    expect(await page.locator('[data-testid="export-map-note"]').count()).toBe(0);
    expect((await downloadOf(page, 'export-map-png')).name).toBe(`${BASE}-pressure.png`);

    // and the slider's → to state 1 (the download's click took the focus): the heading follows it
    await page.focus('[data-testid="history-view"] [data-testid="history-range"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="results-panel"][data-history-index="1"]');
    expect(await page.textContent(heading)).toBe('Cell pressure · cycle 1 charged (state 1, t = 2 h)');
    // state 3 again, as the stale test below expects it
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="results-panel"][data-history-index="3"]');
    expect(errors).toEqual([]);
  });

  it('a stale edit greys the History tab and the Top view, keeping the chosen state', async () => {
    await page.fill('[data-testid="edit-preload"]', '7000');
    await page.waitForSelector('[data-testid="stale-history"]');
    expect(await page.getAttribute('[data-testid="history-host"]', 'class')).toContain('is-stale');
    expect(await page.getAttribute('[data-testid="history-chart-host"]', 'data-chosen')).toBe('3');
    await page.click('[data-testid="tab-top"]');
    await page.waitForSelector('[data-testid="stale-top"]');
    await mapOf(page, 3);
    await page.screenshot({ path: join(ARTIFACTS, 'history-top-stale.png') });
    expect(errors).toEqual([]);
  });

  it('a result without a history: the History tab says how to get one, the Top view keeps its load states', async () => {
    // the default case swells and has no history block
    await page.goto(`${url}?case=default`);
    await waitForSolved(page);
    await page.click('[data-testid="tab-history"]');
    expect(await page.textContent('[data-testid="history-none"]')).toContain('history');
    await page.click('[data-testid="tab-top"]');
    await page.waitForSelector(MAP_CANVAS);
    expect(await page.locator('[data-testid="history-slider"]').count()).toBe(0);
    expect(await page.isChecked('[data-testid="load-state-loadUp"]')).toBe(true);
    await page.click('[data-testid="load-state-swollen"]');
    expect(await page.isChecked('[data-testid="load-state-swollen"]')).toBe(true);
  });

  it('solves cycling-springs in the page: one map per state of its 100 cycles, on the slider', async () => {
    await page.goto(`${url}?case=cycling-springs`);
    // 201 states of a 101 × 101 grid: about two minutes in Node on a shared machine
    await waitForSolved(page, 0, 900_000);
    await page.click('[data-testid="tab-top"]');
    await mapOf(page, 0);
    // the case's schedule: load-up and 100 cycles × 2 states (charged, discharged) of 4 h each
    expect(Number(await page.getAttribute('[data-testid="history-slider"]', 'data-count'))).toBe(201);
    const first = await viridisBrightness(page);
    await page.focus('[data-testid="top-host"] [data-testid="history-range"]');
    await page.keyboard.press('End');
    await mapOf(page, 200);
    const c = await caption(page, '[data-testid="top-host"]');
    expect(c.text).toContain('t 400.0 h');
    expect(c.text).toContain('cycle 100');
    expect((await viridisBrightness(page)).hash).not.toBe(first.hash);
    await page.screenshot({ path: join(ARTIFACTS, 'history-cycling-top-last.png') });
    await page.click('[data-testid="tab-history"]');
    await page.waitForSelector(CHART_CANVAS);
    expect(await page.getAttribute('[data-testid="history-chart-host"]', 'data-chosen')).toBe('200');
    expect(await page.textContent('[data-testid="history-verdict-text"]')).toContain('201');
    await page.screenshot({ path: join(ARTIFACTS, 'history-cycling-tab.png') });
    expect(errors).toEqual([]);
  }, 1_000_000);
});
