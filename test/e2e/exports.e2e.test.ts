import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interpolateViridis } from 'd3-scale-chromatic';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { decodeResultFields } from '../../src/presentation/fieldsFile';
import { ARTIFACTS, downloadOf, launchChromium, serveBuild, waitForSolved } from './browser';

/** A4 landscape at 150 dpi [px]: the size every exported figure has. */
const A4 = { width: 1754, height: 1240 };

// The reference viridis, straight from d3 (not through the code under test): 256 entries.
const VIRIDIS: [number, number, number][] = Array.from({ length: 256 }, (_, i) => {
  const hex = interpolateViridis(i / 255);
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
});

type Image = { width: number; height: number; data: Buffer };
const decode = (bytes: Buffer): Image => PNG.sync.read(bytes);
const rgbAt = (img: Image, x: number, y: number): [number, number, number] => {
  const o = 4 * (y * img.width + x);
  return [img.data[o], img.data[o + 1], img.data[o + 2]];
};

/** Index of the nearest viridis entry and its distance (sum of channel differences). */
function nearestViridis([r, g, b]: [number, number, number]): { index: number; distance: number } {
  let best = 0;
  let distance = Number.POSITIVE_INFINITY;
  VIRIDIS.forEach(([vr, vg, vb], i) => {
    const d = Math.abs(r - vr) + Math.abs(g - vg) + Math.abs(b - vb);
    if (d < distance) {
      distance = d;
      best = i;
    }
  });
  return { index: best, distance };
}

/**
 * The longest vertical strip of viridis colours that runs through the whole scale, its index
 * falling monotonically from top to bottom (a colour bar: high values on top), allowing a little
 * noise from the anti-aliased seams between its steps.
 */
function colourBarStrip(img: Image): { x: number; y0: number; y1: number } | null {
  const cache = new Map<number, { index: number; distance: number }>();
  const viridisAt = (x: number, y: number) => {
    const [r, g, b] = rgbAt(img, x, y);
    const key = (r << 16) | (g << 8) | b;
    let hit = cache.get(key);
    if (!hit) {
      hit = nearestViridis([r, g, b]);
      cache.set(key, hit);
    }
    return hit;
  };
  let best: { x: number; y0: number; y1: number } | null = null;
  for (let x = 0; x < img.width; x++) {
    let run: { y0: number; top: number; low: number } | null = null;
    const close = (y: number) => {
      if (run && run.top >= 245 && run.low <= 10 && (!best || y - run.y0 > best.y1 - best.y0))
        best = { x, y0: run.y0, y1: y - 1 };
      run = null;
    };
    for (let y = 0; y < img.height; y++) {
      const v = viridisAt(x, y);
      if (v.distance > 12) {
        close(y);
        continue;
      }
      if (run && v.index > run.low + 2) close(y);
      if (!run) run = { y0: y, top: v.index, low: v.index };
      else run.low = Math.min(run.low, v.index);
    }
    close(img.height);
  }
  return best;
}

const isDark = ([r, g, b]: [number, number, number]) => Math.max(r, g, b) < 110;

/** Dark pixels (axis lines, ticks, labels, titles) in a rectangle. */
function darkPixels(img: Image, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) if (isDark(rgbAt(img, x, y))) n++;
  return n;
}

/** The longest dark vertical and horizontal lines: the axis domains (or the plate outline on them). */
function axisLines(img: Image): { x: number; xLength: number; y: number; yLength: number } {
  const longestRun = (n: number, dark: (k: number) => boolean) => {
    let best = 0;
    let run = 0;
    for (let k = 0; k < n; k++) {
      run = dark(k) ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  };
  let x = 0;
  let xLength = 0;
  for (let c = 0; c < img.width; c++) {
    const len = longestRun(img.height, (r) => isDark(rgbAt(img, c, r)));
    if (len > xLength + 5) {
      xLength = len;
      x = c;
    }
  }
  let y = 0;
  let yLength = 0;
  for (let r = img.height - 1; r >= 0; r--) {
    const len = longestRun(img.width, (c) => isDark(rgbAt(img, c, r)));
    if (len > yLength + 5) {
      yLength = len;
      y = r;
    }
  }
  return { x, xLength, y, yLength };
}

/** A figure has axes: long dark axis lines, with tick labels left of the vertical one and below the horizontal one. */
function expectAxes(img: Image, name: string) {
  const axes = axisLines(img);
  expect(axes.xLength, `${name}: a vertical axis line`).toBeGreaterThan(0.3 * img.height);
  expect(axes.yLength, `${name}: a horizontal axis line`).toBeGreaterThan(0.2 * img.width);
  expect(darkPixels(img, axes.x - 140, 0, axes.x - 12, img.height), `${name}: y tick labels`).toBeGreaterThan(
    300,
  );
  expect(darkPixels(img, 0, axes.y + 12, img.width, axes.y + 120), `${name}: x tick labels`).toBeGreaterThan(
    300,
  );
}

/** The bounding box of the map: pixels of the scale's colours left of the colour bar's strip. */
function mapBox(img: Image, bar: { x: number; y0: number; y1: number }) {
  // the strip's left edge: walk left from the column found along its middle row
  const mid = Math.round((bar.y0 + bar.y1) / 2);
  let left = bar.x;
  while (left > 0 && nearestViridis(rgbAt(img, left - 1, mid)).distance <= 12) left--;
  let x0 = img.width;
  let y0 = img.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < left - 10; x++)
      if (nearestViridis(rgbAt(img, x, y)).distance <= 3) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return { x0, y0, x1, y1 };
}

/** A CSV as rows of cells (no quoted commas in ours). */
const csvRows = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(','));

/** The viewer's exported pressure map against the CLI's pressure.png: same pixels inside the tiles, d3's viridis at probed points. */
function expectCliPixels(viewer: Image, cliFolder: string) {
  const cli = decode(readFileSync(join(cliFolder, 'pressure.png')));
  expect([cli.width, cli.height]).toEqual([viewer.width, viewer.height]);
  const bar = colourBarStrip(cli);
  expect(bar).not.toBeNull();
  if (!bar) return;
  const box = mapBox(cli, bar);
  expect(box.x1 - box.x0).toBeGreaterThan(200);
  // pixels inside a tile (its 3 × 3 neighbourhood one colour in the CLI's picture) must be equal;
  // edges may differ by the rasterizers' anti-aliasing
  let interior = 0;
  let unequal = 0;
  let edgesOff = 0;
  let pixels = 0;
  for (let y = box.y0 + 1; y < box.y1; y++)
    for (let x = box.x0 + 1; x < box.x1; x++) {
      pixels++;
      const c = rgbAt(cli, x, y);
      const v = rgbAt(viewer, x, y);
      const diff = Math.abs(c[0] - v[0]) + Math.abs(c[1] - v[1]) + Math.abs(c[2] - v[2]);
      let uniform = true;
      for (let dy = -1; dy <= 1 && uniform; dy++)
        for (let dx = -1; dx <= 1 && uniform; dx++) {
          const n = rgbAt(cli, x + dx, y + dy);
          uniform = n[0] === c[0] && n[1] === c[1] && n[2] === c[2];
        }
      if (uniform) {
        interior++;
        if (diff !== 0) unequal++;
      } else if (diff > 48) edgesOff++;
    }
  console.log(
    `map ${box.x1 - box.x0}×${box.y1 - box.y0} px: ${interior} tile-interior pixels, ${unequal} unequal; ${edgesOff} edge pixels off by > 48`,
  );
  expect(interior).toBeGreaterThan(0.5 * pixels);
  expect(unequal).toBe(0);
  expect(edgesOff).toBeLessThan(0.02 * pixels);

  // and both are the viridis colour of the pressure at the grid points: probe a 7 × 7 lattice of
  // points inside the footprint, the colour worked out here from the CLI's pressure.csv and d3
  const rows = csvRows(readFileSync(join(cliFolder, 'pressure.csv'), 'utf8'))
    .slice(1)
    .map((r) => r.map(Number));
  // the colour scale spans the contact pressures of both load states (the load-up and swollen maps
  // share it): the swollen grid is in fields.json
  const inContact = rows.filter((r) => r[3] === 1).map((r) => r[2]);
  const swollen = decodeResultFields(readFileSync(join(cliFolder, 'fields.json'), 'utf8')).fields
    .interfaces[0].swollen;
  if (swollen)
    swollen.grid.values.forEach((p, k) => {
      if (swollen.grid.contact[k]) inContact.push(p);
    });
  const lo = Math.min(...inContact);
  const hi = Math.max(...inContact);
  const xs = [...new Set(rows.map((r) => r[0]))].sort((a, b) => a - b);
  const ys = [...new Set(rows.map((r) => r[1]))].sort((a, b) => a - b);
  const at = new Map(rows.map((r) => [`${r[0]},${r[1]}`, r]));
  const [fx0, fx1, fy0, fy1] = [xs[0], xs[xs.length - 1], ys[0], ys[ys.length - 1]];
  for (let a = 1; a <= 7; a++)
    for (let b = 1; b <= 7; b++) {
      const x = xs[Math.round((a / 8) * (xs.length - 1))];
      const y = ys[Math.round((b / 8) * (ys.length - 1))];
      const [, , pressure, contact] = at.get(`${x},${y}`) ?? [];
      expect(contact).toBe(1);
      const px = Math.round(box.x0 + ((x - fx0) / (fx1 - fx0)) * (box.x1 + 1 - box.x0) - 0.5);
      // image rows run down, y up
      const py = Math.round(box.y1 + 0.5 - ((y - fy0) / (fy1 - fy0)) * (box.y1 + 1 - box.y0) - 0.5);
      const expected = VIRIDIS[Math.round(((pressure - lo) / (hi - lo)) * 255)];
      expect(rgbAt(viewer, px, py), `viewer at ${x}, ${y} mm (p ${pressure} MPa)`).toEqual(expected);
      expect(rgbAt(cli, px, py), `CLI at ${x}, ${y} mm`).toEqual(expected);
    }
}

describe('viewer exports (production build in Chromium)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let cliDir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    const served = await serveBuild();
    server = served.server;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 960 }, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.url}?case=default`);
    // the CLI solves the same case in this process while the browser solves it in its worker
    cliDir = mkdtempSync(join(tmpdir(), 'stackpress-exports-'));
    const code = await runCli(['node', 'stackpress', 'solve', 'cases/default.json', '--out', cliDir]);
    expect(code).toBe(0);
    await waitForSolved(page);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    if (cliDir) rmSync(cliDir, { recursive: true, force: true });
  });

  /** Click an export button, wait for its download, keep a copy under the test artifacts. */
  const exported = async (testId: string) => {
    const file = await downloadOf(page, testId);
    writeFileSync(`${ARTIFACTS}export-${file.name}`, file.bytes);
    expect(await page.locator('[data-testid="export-error"]').count(), `${testId}: no export error`).toBe(0);
    return file;
  };

  it('exports the pressure map as an A4 PNG with its colour bar and axes', async () => {
    const file = await exported('export-map-png');
    expect(file.name).toMatch(/\.png$/);
    const img = decode(file.bytes);
    expect([img.width, img.height]).toEqual([A4.width, A4.height]);
    const bar = colourBarStrip(img);
    expect(bar, 'a colour bar through the whole scale').not.toBeNull();
    if (!bar) return;
    expect(bar.y1 - bar.y0).toBeGreaterThan(0.4 * img.height);
    expect(bar.x).toBeGreaterThan(img.width / 2);
    expectAxes(img, 'pressure map');
  });

  it("draws the pressure map in exactly the CLI's colours (same spec, same pixels)", async () => {
    expectCliPixels(decode((await exported('export-map-png')).bytes), join(cliDir, 'default'));
  });

  it('exports the pressure map as SVG with its axis titles in mm and the scale in MPa', async () => {
    const file = await exported('export-map-svg');
    const svg = file.bytes.toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<text[^>]*>x \[mm\]<\/text>/);
    expect(svg).toMatch(/<text[^>]*>y \[mm\]<\/text>/);
    expect(svg).toMatch(/<text[^>]*>[^<]*MPa[^<]*<\/text>/);
  });

  it('exports the deflection and the histogram as A4 PNG and SVG with axes', async () => {
    for (const id of ['deflection', 'histogram']) {
      const img = decode((await exported(`export-${id}-png`)).bytes);
      expect([img.width, img.height], id).toEqual([A4.width, A4.height]);
      expectAxes(img, id);
      const svg = (await exported(`export-${id}-svg`)).bytes.toString('utf8');
      expect(svg.startsWith('<svg'), id).toBe(true);
      expect(svg, id).toMatch(id === 'deflection' ? /<text[^>]*>[^<]*\[mm\][^<]*<\/text>/ : /MPa/);
    }
  });

  it('exports the 3D view with a colour bar, larger than its canvas', async () => {
    await page.click('[data-testid="tab-3d"]');
    await page.waitForSelector('.scene-host canvas');
    await page.waitForTimeout(800);
    const canvas = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('.scene-host canvas');
      return c ? { width: c.width, height: c.height } : null;
    });
    expect(canvas).not.toBeNull();
    const img = decode((await exported('export-scene-png')).bytes);
    expect(img.width).toBeGreaterThan(canvas?.width ?? 0);
    expect(img.height).toBeGreaterThan(canvas?.height ?? 0);
    const bar = colourBarStrip(img);
    expect(bar, 'a colour bar through the whole scale').not.toBeNull();
    expect(bar && bar.x > img.width / 2).toBe(true);
    expect(bar && bar.y1 - bar.y0 > 0.3 * img.height).toBe(true);
    // a title and the colour bar's labels
    expect(darkPixels(img, 0, 0, img.width, 90)).toBeGreaterThan(500);
  });

  it("exports the CLI's pressure and bolt CSVs and result.json", async () => {
    const pressure = csvRows((await exported('export-pressure-csv')).bytes.toString('utf8'));
    const cliPressure = csvRows(readFileSync(join(cliDir, 'default', 'pressure.csv'), 'utf8'));
    expect(pressure[0]).toEqual(['x [mm]', 'y [mm]', 'p [MPa]', 'contact']);
    expect(pressure.length).toBe(cliPressure.length);
    for (let k = 1; k < pressure.length; k++) {
      const [x, y, p, contact] = pressure[k].map(Number);
      const [cx, cy, cp, cc] = cliPressure[k].map(Number);
      expect([x, y, contact]).toEqual([cx, cy, cc]);
      expect(Math.abs(p - cp)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(cp)));
    }
    const cliResult = JSON.parse(readFileSync(join(cliDir, 'default', 'result.json'), 'utf8'));
    const bolts = csvRows((await exported('export-bolts-csv')).bytes.toString('utf8'));
    expect(bolts[0]).toEqual(['bolt', 'x [mm]', 'y [mm]', 'force [N]', 'force after swelling [N]']);
    expect(bolts.length - 1).toBe(cliResult.bolts.length);
    bolts.slice(1).forEach((row, i) => {
      expect(Number(row[0])).toBe(i + 1);
      expect(Math.abs(Number(row[3]) - cliResult.bolts[i].force)).toBeLessThanOrEqual(
        1e-6 * cliResult.bolts[i].force,
      );
    });
    const file = await exported('export-result-json');
    expect(file.name).toBe('result.json');
    const result = JSON.parse(file.bytes.toString('utf8'));
    expect(result.schema).toBe(cliResult.schema);
    expect(result.name).toBe('default');
    expect(Math.abs(result.pressure.mean - cliResult.pressure.mean)).toBeLessThanOrEqual(
      1e-9 * cliResult.pressure.mean,
    );
  });

  it('downloads the design report with every section and its figures', async () => {
    const file = await exported('export-report');
    expect(file.name).toMatch(/report\.html$/);
    const html = file.bytes.toString('utf8');
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').trim());
    for (const h of [
      'Inputs',
      'Figures',
      'Pressure statistics',
      'Bolts',
      'Plate stress',
      'Warnings',
      'Force balance',
      'Solver effort',
    ])
      expect(
        headings.some((x) => x.includes(h)),
        `section "${h}" in ${headings.join(' | ')}`,
      ).toBe(true);
    expect(html).toContain('<h1>default</h1>');
    // the input hash is the CLI's for the same case file (sha256 of the canonical JSON)
    const cliResult = JSON.parse(readFileSync(join(cliDir, 'default', 'result.json'), 'utf8'));
    expect(html).toContain(cliResult.input.hash);
    expect((html.match(/<img src="data:image\/svg\+xml/g) ?? []).length).toBeGreaterThanOrEqual(3);
    // it opens and draws: its figures decode as images
    const report = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await report.setContent(html, { waitUntil: 'load' });
    const drawn = await report.evaluate(() =>
      [...document.images].map((i) => ({ ok: i.complete && i.naturalWidth > 0, w: i.naturalWidth })),
    );
    expect(drawn.every((d) => d.ok)).toBe(true);
    await report.screenshot({ path: `${ARTIFACTS}export-report.png`, fullPage: true });
    await report.close();
    expect(errors).toEqual([]);
  });

  it("exports a result folder opened from the CLI's files with the CLI's pixels and input hash", async () => {
    const dir = join(cliDir, 'default');
    await page.setInputFiles(
      '[data-testid="file-input"]',
      ['result.json', 'fields.json', 'case.json'].map((f) => join(dir, f)),
    );
    await page.waitForSelector('[data-testid="status"][data-shown*="of default (file)"]');
    expectCliPixels(decode((await exported('export-map-png')).bytes), dir);
    const html = (await exported('export-report')).bytes.toString('utf8');
    const cliResult = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(html).toContain(cliResult.input.hash);
    expect(errors).toEqual([]);
  });
});
