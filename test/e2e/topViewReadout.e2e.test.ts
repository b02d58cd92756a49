import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { decodeResultFields } from '../../src/presentation/fieldsFile';
import type { PressureGrid } from '../../src/presentation/resultFields';
import { gridReadingAt } from '../../viewer/src/panels/gridReading';
import { ARTIFACTS, launchChromium, serveBuild, waitForSolved } from './browser';

/**
 * The Top view's hover readout, checked against two things the viewer's code does not produce: the
 * CLI's pressure.csv of the same case (the values) and the map's own pixels (where the pointer is).
 * The pointer is placed from the picture alone: the part of the canvas drawn in pressure colours,
 * whose extent in mm the CSV gives, so a readout that misplaces the pointer cannot agree with it.
 */

interface CsvPoint {
  x: number;
  y: number;
  p: number;
  contact: boolean;
}

/** A CLI pressure.csv: its points by "x,y" and the grid's spacing and extent [mm]. */
interface CsvGrid {
  points: CsvPoint[];
  at: (x: number, y: number) => CsvPoint | undefined;
  dx: number;
  dy: number;
}

function readPressureCsv(path: string): CsvGrid {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  expect(head).toBe('x [mm],y [mm],p [MPa],contact');
  return csvGridOf(
    lines.map((line) => {
      const [x, y, p, c] = line.split(',').map(Number);
      return { x, y, p, contact: c === 1 };
    }),
  );
}

/** The swollen grid of a CLI-written fields.json (pressure.csv holds the load-up one only), as CSV points. */
function readSwollenGrid(path: string): CsvGrid {
  const grid = decodeResultFields(readFileSync(path, 'utf8')).fields.interfaces[0].swollen?.grid;
  if (!grid) throw new Error(`${path}: no swollen state`);
  const points: CsvPoint[] = [];
  for (let j = 0; j < grid.ny; j++)
    for (let i = 0; i < grid.nx; i++) {
      const k = j * grid.nx + i;
      points.push({
        x: grid.x0 + i * grid.dx,
        y: grid.y0 + j * grid.dy,
        p: grid.values[k],
        contact: grid.contact[k] === 1,
      });
    }
  return csvGridOf(points);
}

function csvGridOf(points: CsvPoint[]): CsvGrid {
  const key = (x: number, y: number) => `${Math.round(x * 1000)},${Math.round(y * 1000)}`;
  const byKey = new Map(points.map((q) => [key(q.x, q.y), q]));
  const xs = [...new Set(points.map((q) => q.x))].sort((a, b) => a - b);
  const ys = [...new Set(points.map((q) => q.y))].sort((a, b) => a - b);
  return { points, at: (x, y) => byKey.get(key(x, y)), dx: xs[1] - xs[0], dy: ys[1] - ys[0] };
}

/** Page-px box of the map's pressure-coloured cells (left, right, top, bottom edges). */
interface PageBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const MAP_CANVAS = '[data-testid="top-view-map"] .vega-figure-target[data-rendered="yes"] canvas';

/**
 * The box on the page of the map's cells in contact, from the canvas pixels: colours with a clear
 * hue (viridis; the outline, bolts, texts and the grey of no contact have none), in the first run
 * of such columns from the left (the colour bar is the second).
 */
async function contactBox(page: Page): Promise<PageBox> {
  return page.evaluate((selector) => {
    const canvas = document.querySelector(selector) as HTMLCanvasElement | null;
    if (!canvas) throw new Error('no map canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const { width, height } = canvas;
    const d = ctx.getImageData(0, 0, width, height).data;
    const coloured = (o: number) =>
      Math.max(d[o], d[o + 1], d[o + 2]) - Math.min(d[o], d[o + 1], d[o + 2]) > 40;
    const perColumn = new Array<number>(width).fill(0);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) if (coloured(4 * (y * width + x))) perColumn[x]++;
    const MIN = 8;
    const x0 = perColumn.findIndex((n) => n >= MIN);
    if (x0 < 0) throw new Error('no coloured cells on the map');
    let x1 = x0;
    while (x1 + 1 < width && perColumn[x1 + 1] >= MIN) x1++;
    let y0 = height;
    let y1 = -1;
    for (let y = 0; y < height; y++) {
      let n = 0;
      for (let x = x0; x <= x1; x++) if (coloured(4 * (y * width + x))) n++;
      if (n >= MIN) {
        y0 = Math.min(y0, y);
        y1 = y;
      }
    }
    const rect = canvas.getBoundingClientRect();
    const sx = rect.width / width;
    const sy = rect.height / height;
    return {
      left: rect.left + x0 * sx,
      right: rect.left + (x1 + 1) * sx,
      top: rect.top + y0 * sy,
      bottom: rect.top + (y1 + 1) * sy,
    };
  }, MAP_CANVAS);
}

/** The mm → page-px map of a map figure: its contact box on the page against the cells' extent in the CSV. */
function pageOf(box: PageBox, csv: CsvGrid): (x: number, y: number) => [number, number] {
  const inContact = csv.points.filter((q) => q.contact);
  const all = csv.points;
  const lo = (v: number[]) => Math.min(...v);
  const hi = (v: number[]) => Math.max(...v);
  // each point's cell reaches half a spacing beyond it, clipped to the grid's extent
  const mx0 = Math.max(lo(all.map((q) => q.x)), lo(inContact.map((q) => q.x)) - csv.dx / 2);
  const mx1 = Math.min(hi(all.map((q) => q.x)), hi(inContact.map((q) => q.x)) + csv.dx / 2);
  const my0 = Math.max(lo(all.map((q) => q.y)), lo(inContact.map((q) => q.y)) - csv.dy / 2);
  const my1 = Math.min(hi(all.map((q) => q.y)), hi(inContact.map((q) => q.y)) + csv.dy / 2);
  return (x, y) => [
    box.left + ((x - mx0) / (mx1 - mx0)) * (box.right - box.left),
    box.bottom - ((y - my0) / (my1 - my0)) * (box.bottom - box.top),
  ];
}

/** The readout's text, parsed: x, y [mm] and p [MPa] as printed, `open` for "no contact"; null when empty. */
interface Readout {
  text: string;
  x: number;
  y: number;
  p: string | null;
  open: boolean;
}

async function readout(page: Page): Promise<Readout | null> {
  const text = ((await page.textContent('[data-testid="top-view-readout"]')) ?? '').replace(/\s+/g, ' ');
  const x = text.match(/x (-?\d+\.\d) mm/);
  const y = text.match(/y (-?\d+\.\d) mm/);
  if (!x || !y) return null;
  const p = text.match(/p (-?\d+\.\d{3}) MPa/);
  return { text, x: Number(x[1]), y: Number(y[1]), p: p ? p[1] : null, open: /no contact/.test(text) };
}

/** The canvas colour under a page point. */
async function colourAt(page: Page, px: number, py: number): Promise<[number, number, number]> {
  return page.evaluate(
    ({ selector, px, py }) => {
      const canvas = document.querySelector(selector) as HTMLCanvasElement;
      const rect = canvas.getBoundingClientRect();
      const x = Math.floor(((px - rect.left) / rect.width) * canvas.width);
      const y = Math.floor(((py - rect.top) / rect.height) * canvas.height);
      const d = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(x, y, 1, 1).data;
      return [d[0], d[1], d[2]] as [number, number, number];
    },
    { selector: MAP_CANVAS, px, py },
  );
}

/** Somewhere off the figure: the page header. */
const OFF_FIGURE: [number, number] = [8, 8];

/** Move the pointer off the figure, then onto (px, py); wait until the readout has followed. */
async function hoverAt(page: Page, px: number, py: number, expectReading = true): Promise<Readout | null> {
  await page.mouse.move(...OFF_FIGURE);
  await page.waitForFunction(() => !document.querySelector('[data-testid="top-view-readout"][data-x]'));
  await page.mouse.move(px, py);
  // a reading that never comes is reported by the caller's assertion, with the point it expected
  if (expectReading)
    await page
      .waitForSelector('[data-testid="top-view-readout"][data-x]', { timeout: 5_000 })
      .catch(() => undefined);
  else await page.waitForTimeout(300);
  return readout(page);
}

describe('gridReadingAt: the grid point whose cell holds a position', () => {
  // 3 × 2 points from (10, 20) at 2 × 5 mm; value (i, j) = 10·j + i, the middle of the top row open
  const grid: PressureGrid = {
    nx: 3,
    ny: 2,
    x0: 10,
    y0: 20,
    dx: 2,
    dy: 5,
    values: Float64Array.from([0, 1, 2, 10, 11, 12]),
    contact: Uint8Array.from([1, 1, 1, 1, 0, 1]),
  };

  it('takes the nearest point, with its own value', () => {
    expect(gridReadingAt(grid, 10, 20)).toEqual({ i: 0, j: 0, x: 10, y: 20, pressure: 0 });
    expect(gridReadingAt(grid, 12.9, 21)).toEqual({ i: 1, j: 0, x: 12, y: 20, pressure: 1 });
    expect(gridReadingAt(grid, 13.1, 22.6)).toEqual({ i: 2, j: 1, x: 14, y: 25, pressure: 12 });
    expect(gridReadingAt(grid, 14, 25)).toEqual({ i: 2, j: 1, x: 14, y: 25, pressure: 12 });
  });

  it('says no contact (null pressure) where the grid is open', () => {
    expect(gridReadingAt(grid, 12.2, 24)).toEqual({ i: 1, j: 1, x: 12, y: 25, pressure: null });
  });

  it('reads nothing beyond the grid’s extent or at a non-finite position', () => {
    for (const [x, y] of [
      [9.99, 22],
      [14.01, 22],
      [12, 19.99],
      [12, 25.01],
      [Number.NaN, 22],
      [12, Number.POSITIVE_INFINITY],
    ])
      expect(gridReadingAt(grid, x, y), `(${x}, ${y})`).toBeNull();
  });
});

describe('Top view hover readout (production build in Chromium)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let url: string;
  let cliDir: string;
  const errors: string[] = [];
  const csv: Record<string, CsvGrid> = {};

  const openTopView = async (caseId: string) => {
    // a fresh page: its solve count starts again from 0
    await page.goto(`${url}?case=${caseId}`);
    await waitForSolved(page);
    await page.click('[data-testid="tab-top"]');
    await page.waitForSelector(MAP_CANVAS);
  };

  beforeAll(async () => {
    const served = await serveBuild();
    server = served.server;
    url = served.url;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
    page.on('pageerror', (e) => errors.push(e.message));
    cliDir = mkdtempSync(join(tmpdir(), 'stackpress-readout-'));
    const code = await runCli([
      'node',
      'stackpress',
      'solve',
      'cases/default.json',
      'cases/fig5b-none.json',
      '--out',
      cliDir,
    ]);
    expect(code).toBe(0);
    for (const id of ['default', 'fig5b-none']) csv[id] = readPressureCsv(join(cliDir, id, 'pressure.csv'));
    csv['default-swollen'] = readSwollenGrid(join(cliDir, 'default', 'fields.json'));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    if (cliDir) rmSync(cliDir, { recursive: true, force: true });
  });

  /** Hover (x, y) [mm] of the case's map; check the readout against the CSV and the pixel under the pointer. */
  const checkPoint = async (
    caseId: string,
    at: (x: number, y: number) => [number, number],
    x: number,
    y: number,
  ) => {
    const grid = csv[caseId];
    const [px, py] = at(x, y);
    const r = await hoverAt(page, px, py);
    expect(r, `a reading at (${x}, ${y}) mm`).not.toBeNull();
    if (!r) throw new Error('unreachable');
    const where = `${caseId} at (${x}, ${y}) mm: "${r.text}"`;
    expect(Math.abs(r.x - x), where).toBeLessThanOrEqual(grid.dx);
    expect(Math.abs(r.y - y), where).toBeLessThanOrEqual(grid.dy);
    const point = grid.at(r.x, r.y);
    expect(point, `${where}: a grid point of the CSV`).toBeDefined();
    if (!point) return r;
    if (point.contact) {
      expect(r.open, where).toBe(false);
      expect(r.p, where).toBe(point.p.toFixed(3));
    } else {
      expect(r.open, where).toBe(true);
      expect(r.p, where).toBeNull();
    }
    return r;
  };

  it('reads the default case at the centre, at two corners inside the footprint and off-centre', async () => {
    await openTopView('default');
    const box = await contactBox(page);
    const at = pageOf(box, csv.default);
    // the whole footprint (25–125 mm) is in contact, and the picture should place it so
    expect(box.right - box.left).toBeGreaterThan(200);
    // the corners 2 mm inside the footprint; (40, 110) tells x from y and up from down
    for (const [x, y] of [
      [27, 27],
      [123, 123],
      [40, 110],
      [75, 75],
    ])
      await checkPoint('default', at, x, y);
    const [px, py] = at(75, 75);
    const centre = await readout(page);
    expect(centre?.p).toMatch(/^\d+\.\d{3}$/);
    // the pixel under the pointer is a pressure colour (no contact is grey)
    const [r, g, b] = await colourAt(page, px, py);
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeGreaterThan(40);
    await page.screenshot({ path: `${ARTIFACTS}top-view-readout.png` });
  });

  it('clears when the pointer leaves the figure and off the grid', async () => {
    const at = pageOf(await contactBox(page), csv.default);
    await hoverAt(page, ...at(75, 75));
    expect(await readout(page)).not.toBeNull();
    await page.mouse.move(...OFF_FIGURE);
    await page.waitForFunction(() => !document.querySelector('[data-testid="top-view-readout"][data-x]'));
    expect(await readout(page)).toBeNull();
    expect(await page.textContent('[data-testid="top-view-readout"]')).toMatch(/Point at the map/);
    // on the plate between the footprint's edge (25 mm) and a bolt's washer: no cell there
    const off = await hoverAt(page, ...at(21, 45), false);
    expect(off).toBeNull();
  });

  it('follows the load state and the film: the swollen grid after swelling, the same values on film', async () => {
    await page.click('[data-testid="load-state-swollen"]');
    await page.waitForSelector(MAP_CANVAS);
    const at = pageOf(await contactBox(page), csv['default-swollen']);
    for (const [x, y] of [
      [75, 75],
      [40, 110],
    ])
      await checkPoint('default-swollen', at, x, y);
    // a film colours the map otherwise (and adds a subtitle line, moving it): the readout follows the new drawing
    await page.selectOption('[data-testid="film-select"]', 'LW');
    await page.waitForSelector(MAP_CANVAS);
    const box = await contactBox(page);
    const r = await hoverAt(page, (box.left + box.right) / 2, (box.top + box.bottom) / 2);
    expect(r, 'a reading on the film map').not.toBeNull();
    const point = r && csv['default-swollen'].at(r.x, r.y);
    expect(r?.p).toBe(point?.p.toFixed(3));
    await page.selectOption('[data-testid="film-select"]', 'scale');
    await page.click('[data-testid="load-state-loadUp"]');
    await page.waitForSelector(MAP_CANVAS);
  });

  it('says "no contact" where the grid is open, over grey, and p where it is not (fig5b-none)', async () => {
    await openTopView('fig5b-none');
    const grid = csv['fig5b-none'];
    const at = pageOf(await contactBox(page), grid);
    // an open point whose neighbours within one step are all open: the one-step tolerance cannot reach contact
    const openAround = (q: CsvPoint) =>
      [-1, 0, 1].every((a) =>
        [-1, 0, 1].every((b) => grid.at(q.x + a * grid.dx, q.y + b * grid.dy)?.contact === false),
      );
    const open = grid.points.find((q) => !q.contact && openAround(q));
    expect(open, 'the case has an open patch').toBeDefined();
    if (!open) return;
    const r = await checkPoint('fig5b-none', at, open.x, open.y);
    expect(r.open).toBe(true);
    const [cr, cg, cb] = await colourAt(page, ...at(open.x, open.y));
    expect(
      Math.max(Math.abs(cr - 200), Math.abs(cg - 200), Math.abs(cb - 200)),
      'grey under the pointer',
    ).toBeLessThan(8);
    const closed = grid.points.find(
      (q) => q.contact && Math.abs(q.x - 75) < 1e-9 && Math.abs(q.y - 75) < 1e-9,
    );
    if (closed) expect((await checkPoint('fig5b-none', at, 75, 75)).open).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}top-view-readout-no-contact.png` });
    expect(errors).toEqual([]);
  });
});
