/**
 * Orbit frame rate of the 3D viewer: the production build (served and driven like the e2e tests, in
 * headless Debian Chromium, WebGL on SwiftShader) solves the default case, then the camera is orbited for
 * ~3 s by dragging the mouse across the canvas (down, many small moves, up), at two canvas sizes.
 * Run: npm run bench:orbit (builds the viewer first).
 *
 * Sizes are sizes of the WebGL canvas, not of the window: the app's side panels take 600 px of width, so a
 * 320×200 window would leave the canvas 0 px wide. The window is resized until the canvas has the wanted size
 * (deviceScaleFactor 1, so CSS pixels = drawing-buffer pixels); the table shows both.
 *
 * What is measured, inside the page:
 * - frames: the app renders on demand (R3F frameloop="demand"; OrbitControls invalidates on every change).
 *   A frame is an animation frame (the rAF callbacks sharing one timestamp) in which the renderer's
 *   `render` ran at least once. `render` is wrapped through the test hook `window.__stackpressScene`
 *   (set in viewer/src/scene/StackScene.tsx); the gizmo's Hud renders twice per frame (scene, then gizmo),
 *   so counting `render` calls would double-count. rAF callbacks that draw nothing are not frames.
 * - JS ms/frame: main-thread JavaScript attributed to each frame = the frame's rAF callbacks (R3F loop,
 *   useFrame, three.js scene traversal and WebGL command submission) + the input-event dispatches since the
 *   previous frame (OrbitControls, R3F raycasting for the probe), each timed from a window capture listener
 *   to a window bubble listener. It misses tasks the app schedules elsewhere (React re-renders of the probe
 *   readout, GC), so the table also gives Chromium's own ScriptDuration, TaskDuration and ThreadTime (all
 *   script; all main-thread tasks incl. style/layout/paint/commit, wall time; the main thread's CPU time)
 *   over the same drag, divided by the frames (CDP Performance metrics). Task ≫ CPU means the main thread
 *   sits blocked, i.e. waits on the rasterizer.
 * - draw calls / triangles: three.js `renderer.info.render` after each `render`, summed over the frame.
 * - renderer: WEBGL_debug_renderer_info UNMASKED_RENDERER_WEBGL (shows SwiftShader).
 * - seconds: from the first input event to the end of the last rendered frame; when frames are slower than
 *   the mouse, Chromium still has input to handle after the 3 s drag, so this can exceed 3 s.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { WebGLRenderer } from 'three';
import { launchChromium, serveBuild, waitForSolved } from '../e2e/browser';

/** How long the measured drag lasts, and the unmeasured warm-up drag before it [ms]. */
const ORBIT_MS = 3000;
const WARM_UP_MS = 500;
/** Canvas sizes [px]: a full-HD-ish view, and a tiny one where SwiftShader's fill cost is negligible. */
const CANVAS_SIZES = [
  { width: 1280, height: 800 },
  { width: 320, height: 200 },
];
const CANVAS = '.scene-host canvas';
/** Interval between mouse moves while dragging [ms]. */
const MOVE_INTERVAL_MS = 8;

/** One rendered frame, as measured in the page. */
interface FrameSample {
  /** main-thread JS attributed to this frame [ms] */
  jsMs: number;
  /** `renderer.render` calls in the frame */
  renders: number;
  calls: number;
  triangles: number;
}

/** What the in-page orbit probe hands back. */
interface ProbeReport {
  frames: FrameSample[];
  /** from the first input event to the end of the last rendered frame [s] */
  seconds: number;
  pointerMoves: number;
  rendersOutsideFrames: number;
  renderer: string;
  canvas: { width: number; height: number };
}

/** The page's globals used here: the app's test hook and the probe this file installs. */
interface ProbeWindow {
  __stackpressScene?: { gl: WebGLRenderer };
  __orbitProbe?: { stop: () => ProbeReport };
}

/** One row of the result table. */
interface OrbitResult {
  viewport: { width: number; height: number };
  report: ProbeReport;
  /** CDP main-thread times over the measured drag, per frame [ms] */
  cdp: MainThreadMs;
  moves: number;
}

/**
 * In the page: wrap requestAnimationFrame callbacks and `renderer.render`, time input dispatches, and expose
 * `window.__orbitProbe.stop()`, which undoes all that and returns the samples. Serialised by playwright.
 */
function installOrbitProbe(): void {
  const w = window as unknown as ProbeWindow & Window;
  const gl = w.__stackpressScene?.gl;
  if (!gl) throw new Error('no window.__stackpressScene (the 3D view is not mounted)');
  const frames: FrameSample[] = [];
  let open: (FrameSample & { ts: number }) | null = null;
  let inRaf = false;
  let pendingJs = 0;
  let inputStart = -1;
  let firstInput = -1;
  let lastFrameEnd = -1;
  let pointerMoves = 0;
  let rendersOutsideFrames = 0;

  const closeFrame = () => {
    if (!open) return;
    if (open.renders > 0)
      frames.push({ jsMs: open.jsMs, renders: open.renders, calls: open.calls, triangles: open.triangles });
    else pendingJs += open.jsMs;
    open = null;
  };

  const nativeRaf = w.requestAnimationFrame;
  w.requestAnimationFrame = (callback: FrameRequestCallback) =>
    nativeRaf.call(w, (ts: number) => {
      if (!open || open.ts !== ts) {
        closeFrame();
        open = { ts, jsMs: pendingJs, renders: 0, calls: 0, triangles: 0 };
        pendingJs = 0;
      }
      const frame = open;
      const t0 = performance.now();
      inRaf = true;
      try {
        callback(ts);
      } finally {
        inRaf = false;
        const t1 = performance.now();
        frame.jsMs += t1 - t0;
        if (frame.renders > 0) lastFrameEnd = t1;
      }
    });

  const nativeRender = gl.render;
  gl.render = (scene, camera) => {
    const info = gl.info.render;
    const before = gl.info.autoReset ? { calls: 0, triangles: 0 } : { ...info };
    nativeRender.call(gl, scene, camera);
    if (!inRaf || !open) {
      rendersOutsideFrames++;
      return;
    }
    open.renders++;
    open.calls += info.calls - before.calls;
    open.triangles += info.triangles - before.triangles;
  };

  const inputTypes = ['pointerdown', 'pointermove', 'pointerup', 'mousedown', 'mousemove', 'mouseup'];
  const dispatchStart = (e: Event) => {
    inputStart = performance.now();
    if (firstInput < 0) firstInput = inputStart;
    if (e.type === 'pointermove') pointerMoves++;
  };
  const dispatchEnd = () => {
    if (inputStart < 0) return;
    pendingJs += performance.now() - inputStart;
    inputStart = -1;
  };
  for (const type of inputTypes) {
    w.addEventListener(type, dispatchStart, { capture: true });
    w.addEventListener(type, dispatchEnd);
  }

  w.__orbitProbe = {
    stop: () => {
      closeFrame();
      w.requestAnimationFrame = nativeRaf;
      gl.render = nativeRender;
      for (const type of inputTypes) {
        w.removeEventListener(type, dispatchStart, { capture: true });
        w.removeEventListener(type, dispatchEnd);
      }
      const ctx = gl.getContext();
      const debug = ctx.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(ctx.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : ctx.RENDERER));
      return {
        frames,
        seconds: (lastFrameEnd - firstInput) / 1000,
        pointerMoves,
        rendersOutsideFrames,
        renderer,
        canvas: { width: ctx.drawingBufferWidth, height: ctx.drawingBufferHeight },
      };
    },
  };
}

/** Resize the window until the 3D canvas's drawing buffer is `size` (±1 px); returns the window size. */
async function sizeCanvas(page: Page, size: { width: number; height: number }) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const box = await page.locator(CANVAS).boundingBox();
    const viewport = page.viewportSize();
    if (!box || !viewport) throw new Error('no 3D canvas or no viewport');
    const dw = size.width - Math.round(box.width);
    const dh = size.height - Math.round(box.height);
    if (dw === 0 && dh === 0) {
      // R3F resizes the drawing buffer from a ResizeObserver; wait until it has.
      await page.waitForFunction(
        ([sel, w, h]) => {
          const c = document.querySelector(sel) as HTMLCanvasElement | null;
          return !!c && Math.abs(c.width - w) <= 1 && Math.abs(c.height - h) <= 1;
        },
        [CANVAS, size.width, size.height] as const,
      );
      return viewport;
    }
    await page.setViewportSize({ width: viewport.width + dw, height: viewport.height + dh });
    await page.waitForTimeout(300);
  }
  throw new Error(`could not size the canvas to ${size.width}×${size.height}`);
}

/**
 * Drag across the canvas (left button: orbit) for `ms`, like a 125 Hz mouse: a small move every 8 ms along a
 * path fixed in time (so slow frames do not shorten the orbit), without waiting for each move to be handled;
 * Chromium coalesces the moves that arrive while the page is busy. Returns the moves sent.
 */
async function orbitDrag(page: Page, ms: number): Promise<number> {
  const box = await page.locator(CANVAS).boundingBox();
  if (!box) throw new Error('no 3D canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // sideways sweeps (azimuth) with a little upward motion (polar), kept clear of the gizmo (bottom right);
  // one sweep period is 2 s, i.e. ~1.5 canvas heights per second, the same orbit speed at every size
  const ax = 0.3 * box.width;
  const ay = 0.2 * box.height;
  const radPerMs = (2 * Math.PI) / 2000;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const t0 = performance.now();
  const sent: Promise<void>[] = [];
  for (let t = 0; t < ms; t = performance.now() - t0) {
    const phase = radPerMs * t;
    sent.push(page.mouse.move(cx + ax * Math.sin(phase), cy - ay * Math.sin(0.5 * phase) ** 2));
    await new Promise((resolve) => setTimeout(resolve, MOVE_INTERVAL_MS));
  }
  await Promise.all(sent);
  await page.mouse.up();
  return sent.length;
}

/** Renderer main-thread times [ms]: script and task (wall) durations, and the thread's CPU time. */
interface MainThreadMs {
  script: number;
  task: number;
  cpu: number;
}

/** Main-thread times so far (Chromium's Performance domain metrics). */
async function mainThreadMs(cdp: CDPSession): Promise<MainThreadMs> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => 1000 * (metrics.find((m) => m.name === name)?.value ?? Number.NaN);
  return { script: get('ScriptDuration'), task: get('TaskDuration'), cpu: get('ThreadTime') };
}

/** Orbit once at the current size, measured. */
async function measureOrbit(page: Page, cdp: CDPSession): Promise<Omit<OrbitResult, 'viewport'>> {
  await orbitDrag(page, WARM_UP_MS);
  await page.waitForTimeout(300);
  const before = await mainThreadMs(cdp);
  await page.evaluate(installOrbitProbe);
  const moves = await orbitDrag(page, ORBIT_MS);
  await page.waitForTimeout(200); // let the frame the last move invalidated render
  const report = await page.evaluate(() => (window as unknown as ProbeWindow).__orbitProbe!.stop());
  const after = await mainThreadMs(cdp);
  const n = Math.max(1, report.frames.length);
  const perFrame = {
    script: (after.script - before.script) / n,
    task: (after.task - before.task) / n,
    cpu: (after.cpu - before.cpu) / n,
  };
  return { report, moves, cdp: perFrame };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * (xs.length - 1))] ?? Number.NaN;

/** The result table, in Markdown. */
function markdownTable(results: OrbitResult[]): string {
  const head = [
    'canvas [px]',
    'window [px]',
    'frames',
    'seconds',
    'fps',
    'moves sent / pointermoves',
    'JS ms/frame mean',
    'JS ms/frame p95',
    'CDP script ms/frame',
    'CDP task ms/frame',
    'CDP main CPU ms/frame',
    'draw calls/frame',
    'triangles/frame',
    'renderer',
  ];
  const rows = results.map(({ viewport, report: r, moves, cdp }) => {
    const js = r.frames.map((f) => f.jsMs);
    return [
      `${r.canvas.width}×${r.canvas.height}`,
      `${viewport.width}×${viewport.height}`,
      String(r.frames.length),
      r.seconds.toFixed(2),
      (r.frames.length / r.seconds).toFixed(1),
      `${moves} / ${r.pointerMoves}`,
      mean(js).toFixed(2),
      p95(js).toFixed(2),
      cdp.script.toFixed(2),
      cdp.task.toFixed(2),
      cdp.cpu.toFixed(2),
      mean(r.frames.map((f) => f.calls)).toFixed(0),
      mean(r.frames.map((f) => f.triangles)).toFixed(0),
      r.renderer,
    ];
  });
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const { server, url } = await serveBuild();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${url}?case=default`);
  const solveSeconds = await waitForSolved(page);
  await page.waitForSelector(CANVAS);
  await page.waitForFunction(() => !!(window as unknown as ProbeWindow).__stackpressScene);
  // tsx compiles with esbuild's keepNames, which calls a module-level __name() inside the functions
  // serialised to the page; give the page a no-op one.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const results: OrbitResult[] = [];
  for (const size of CANVAS_SIZES) {
    const viewport = await sizeCanvas(page, size);
    await page.waitForTimeout(500);
    results.push({ viewport, ...(await measureOrbit(page, cdp)) });
  }
  const extra = results.map((r) => r.report.rendersOutsideFrames).reduce((a, b) => a + b, 0);
  console.log(`default case solved in ${solveSeconds.toFixed(2)} s; orbit ${ORBIT_MS / 1000} s per size\n`);
  console.log(markdownTable(results));
  if (extra > 0) console.log(`\n(${extra} renderer.render calls outside animation frames, not counted)`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
