/**
 * Re-solve times of the viewer against Node: the production build (viewer/dist, served and driven like
 * the e2e tests, headless Debian Chromium) opens the default case with the Top view showing, then goes
 * through each kind of edit of the edit panel — preload, plate thickness, pad hardness, flatness RMS,
 * mesh size — and Node's `solveCase` solves the same inputs in the same order.
 * Run: npm run bench:viewer (builds the viewer first) [-- --reps N].
 *
 * Each edit is measured the way a designer meets it: the default case has just been solved in the same
 * solver session, the edit is typed in and Re-solve clicked; after the timed solve, Reset + Re-solve
 * (untimed) brings the session back to the default case. Node does the same with one SolverSession
 * (with its helper thread, as the browser's worker has one): solve the default case, then the edited
 * case, and time the second. One untimed warm-up round of every edit first (JIT, helper thread loaded),
 * then `--reps` rounds (3 by default); the table gives medians. The machine may be shared, so only the
 * ratios measured in one run are comparable.
 *
 * Columns:
 * - app [s]: the solve time the app shows (the worker's wall time: solveCase + result fields + summary);
 * - click → reply [s]: from the click on Re-solve to the worker's result reaching the page (a listener
 *   this script adds to every Worker); minus "app", the request's and the reply's way between threads;
 * - click → done [s]: to the status line saying done, which the page sees only after the task that
 *   handles the reply (the store's update, React's render and the figures' synchronous setup);
 * - click → map [s]: from the click on Re-solve to the Top view's map of the new solve drawn (its Vega
 *   figure's data-rendered="yes" after it went "no"), timed inside the page. The map is one image mark;
 *   vega-embed resolves (and the figure says "yes") only after Vega has decoded and drawn the image;
 * - reply → map [s]: the median of click → map minus click → reply per solve: what the page spends after
 *   the result has arrived (store, React, both figures' specs, compile, parse and drawing);
 * - Node [s]: solveCase alone, and solveCase + the same result fields and summary the worker makes;
 * - effort: the browser's and Node's helperJoined / factorizationsReused / analysesReused of that solve
 *   (the page's copy is read off the worker's reply by a listener this script adds to every Worker).
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import defaultCase from '../../cases/default.json' with { type: 'json' };
import { type SolveEffort, solveCase, summaryOf } from '../../src/index';
import { resultFieldsOf } from '../../src/presentation/resultFieldsOf';
import { createSolverSession } from '../../src/threads/factorThreads';
import { type EditableParameter, editableParameters } from '../../viewer/src/domain/caseEdits';
import { launchChromium, serveBuild, solveCount, waitForSolved } from '../e2e/browser';

/** One kind of edit: the edit panel's parameter and the value typed in (from the default case's). */
interface EditKind {
  label: string;
  key: string;
  value: (current: number) => number;
}

const EDITS: EditKind[] = [
  // stays off the disc springs' solid length, so every bolt still acts through its spring
  { label: 'preload 6250 → 7000 N', key: 'preload', value: () => 7000 },
  // unequal plates: the coupled (chain) tangent instead of the twin-plate split
  { label: 'top plate 25 → 30 mm', key: 'topThickness', value: (v) => v + 5 },
  { label: 'pad hardness 40 → 50 Shore A', key: 'gasketHardness', value: (v) => v + 10 },
  { label: 'top flatness RMS 4 → 8 µm', key: 'topFlatnessRms', value: (v) => 2 * v },
  { label: 'mesh 2 → 1.5 mm', key: 'meshSize', value: () => 1.5 },
];

const { values: args } = parseArgs({ options: { reps: { type: 'string', default: '3' } } });
const REPS = Number(args.reps);
if (!Number.isInteger(REPS) || REPS < 1) throw new Error(`--reps ${args.reps}: expected a whole number ≥ 1`);

type Effort = Pick<
  SolveEffort,
  'helperJoined' | 'factorizationsReused' | 'analysesReused' | 'seconds' | 'phases'
>;

/** One timed solve of one edit. */
interface Sample {
  app: number;
  clickToMap: number;
  clickToDone: number;
  clickToReply: number;
  node: number;
  nodeWithFields: number;
  browserEffort: Effort;
  nodeEffort: Effort;
  /** the worker's time after solveCase (result fields + summary) [s] */
  appAfter: number;
}

const params = editableParameters(defaultCase);
const param = (key: string): EditableParameter => {
  const p = params.find((q) => q.key === key);
  if (!p) throw new Error(`the default case has no editable ${key}`);
  return p;
};
const editedInput = (e: EditKind): unknown => {
  const copy = structuredClone(defaultCase) as Record<string, unknown>;
  const p = param(e.key);
  p.apply(copy, e.value(p.value));
  return copy;
};

/** The page's globals this script adds: the effort of the worker's last result reply. */
interface BenchWindow {
  __benchEffort?: Effort;
  /** performance.now() when the last result reply reached the page [ms] */
  __benchArrived?: number;
}

/** Before the app loads: listen to every Worker's replies and keep the last result's effort. */
function installEffortTap(): void {
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent) => {
        const m = event.data as { type?: string; summary?: { effort?: Effort } };
        if (m?.type === 'result' && m.summary?.effort) {
          (window as unknown as BenchWindow).__benchEffort = m.summary.effort;
          (window as unknown as BenchWindow).__benchArrived = performance.now();
        }
      });
    }
  };
}

/**
 * In the page: click the button (Re-solve, or Reset, which re-solves the case as opened) and resolve with the milliseconds until the Top view's map of the new solve
 * is drawn — the solve count has gone up, the status is done, and the map figure, having gone undrawn
 * since the click, is drawn again.
 */
function clickAndTimeMap({
  since,
  button,
}: {
  since: number;
  button: string;
}): Promise<{ map: number; done: number; arrived: number }> {
  return new Promise((resolve, reject) => {
    const target = () => document.querySelector('[data-testid="top-view-map"] .vega-figure-target');
    let undrawnSeen = false;
    const observer = new MutationObserver(() => {
      if (target()?.getAttribute('data-rendered') === 'no') undrawnSeen = true;
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    const t0 = performance.now();
    let tDone = -1;
    (document.querySelector(`[data-testid="${button}"]`) as HTMLButtonElement).click();
    const poll = () => {
      const status = document.querySelector('[data-testid="status"]');
      const done = Number(status?.getAttribute('data-solve')) > since && status?.getAttribute('data-status');
      if (done === 'done' && tDone < 0) tDone = performance.now();
      if (done === 'error') {
        observer.disconnect();
        reject(new Error(`the app reports: ${status?.textContent}`));
      } else if (done === 'done' && undrawnSeen && target()?.getAttribute('data-rendered') === 'yes') {
        observer.disconnect();
        const arrived = (window as unknown as BenchWindow).__benchArrived ?? Number.NaN;
        resolve({ map: performance.now() - t0, done: tDone - t0, arrived: arrived - t0 });
      } else if (performance.now() - t0 > 240_000) {
        observer.disconnect();
        const r = target()?.getAttribute('data-rendered');
        reject(
          new Error(
            `no map drawn within 240 s of the click (status ${done}, undrawn seen ${undrawnSeen}, rendered ${r})`,
          ),
        );
      } else setTimeout(poll, 2);
    };
    poll();
  });
}

/** Type `value` into the edit panel's field `key`, Re-solve, and time it. */
async function browserEdit(page: Page, key: string, value: number) {
  await page.fill(`[data-testid="edit-${key}"]`, String(value));
  const since = await solveCount(page);
  const timed = await page.evaluate(clickAndTimeMap, { since, button: 'resolve' });
  const app = await waitForSolved(page, since);
  const effort = await page.evaluate(() => (window as unknown as BenchWindow).__benchEffort);
  if (!effort) throw new Error('no effort read off the worker');
  return {
    app,
    clickToMap: timed.map / 1000,
    clickToDone: timed.done / 1000,
    clickToReply: timed.arrived / 1000,
    effort,
  };
}

/** Pause after the page's work [ms]: Chromium's raster and compositor threads finish before Node solves. */
const SETTLE_MS = 300;

/**
 * Reset the edit panel to the default case, which re-solves it (untimed), until its map is drawn and the page
 * has settled, so that Node's solve that follows does not share the cores with the page's drawing.
 */
async function browserBackToDefault(page: Page) {
  const since = await solveCount(page);
  await page.evaluate(clickAndTimeMap, { since, button: 'reset' });
  await waitForSolved(page, since);
  await page.waitForTimeout(SETTLE_MS);
}

const effortOf = (e: SolveEffort): Effort => ({
  helperJoined: e.helperJoined,
  factorizationsReused: e.factorizationsReused,
  analysesReused: e.analysesReused,
  seconds: e.seconds,
  phases: e.phases,
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const effortText = (e: Effort) => `${e.helperJoined}/${e.factorizationsReused}/${e.analysesReused}`;

const threaded = createSolverSession(2);
const nodeHelper = await threaded.ready;
const nodeSolve = (input: unknown) => {
  const t0 = performance.now();
  const result = solveCase(input, { session: threaded.session });
  const t1 = performance.now();
  resultFieldsOf(result);
  summaryOf(result);
  return { node: (t1 - t0) / 1000, nodeWithFields: (performance.now() - t0) / 1000, effort: result.effort };
};

// the process's first solve, cold JIT, beside the page's first solve (which also loads the worker)
const nodeFirstSolve = nodeSolve(defaultCase).node;

const { server, url } = await serveBuild();
const browser = await launchChromium();
const samples = new Map<string, Sample[]>(EDITS.map((e) => [e.label, []]));
let firstSolve = Number.NaN;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // tsx compiles with esbuild's keepNames, which calls a module-level __name() inside the functions
  // serialised to the page; give the page a no-op one.
  await page.addInitScript('globalThis.__name ??= (fn) => fn');
  await page.addInitScript(installEffortTap);
  await page.goto(`${url}?case=default`);
  firstSolve = await waitForSolved(page);
  await page.click('[data-testid="tab-top"]');
  await page.waitForSelector('[data-testid="top-view-map"] .vega-figure-target[data-rendered="yes"]');
  for (let round = 0; round <= REPS; round++) {
    for (const e of EDITS) {
      const p = param(e.key);
      const b = await browserEdit(page, e.key, e.value(p.value));
      await browserBackToDefault(page);
      const n = nodeSolve(editedInput(e));
      nodeSolve(defaultCase);
      // round 0 warms both up
      if (round > 0)
        samples.get(e.label)?.push({
          app: b.app,
          clickToMap: b.clickToMap,
          clickToDone: b.clickToDone,
          clickToReply: b.clickToReply,
          node: n.node,
          nodeWithFields: n.nodeWithFields,
          browserEffort: b.effort,
          nodeEffort: effortOf(n.effort),
          appAfter: b.app - b.effort.seconds,
        });
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  await threaded.close();
}

const head = [
  'edit (from the solved default case)',
  'app [s]',
  'click → reply [s]',
  'click → done [s]',
  'click → map [s]',
  'reply → map [s]',
  'Node solveCase [s]',
  'Node + fields [s]',
  'app / Node',
  'click → map / Node',
  'browser effort',
  'Node effort',
];
const rows = EDITS.map((e) => {
  const s = samples.get(e.label) ?? [];
  const app = median(s.map((x) => x.app));
  const map = median(s.map((x) => x.clickToMap));
  const node = median(s.map((x) => x.node));
  return [
    e.label,
    app.toFixed(3),
    median(s.map((x) => x.clickToReply)).toFixed(3),
    median(s.map((x) => x.clickToDone)).toFixed(3),
    map.toFixed(3),
    median(s.map((x) => x.clickToMap - x.clickToReply)).toFixed(3),
    node.toFixed(3),
    median(s.map((x) => x.nodeWithFields)).toFixed(3),
    `${(app / node).toFixed(2)}×`,
    `${(map / node).toFixed(2)}×`,
    effortText(s[s.length - 1].browserEffort),
    effortText(s[s.length - 1].nodeEffort),
  ];
});
console.log(
  `first solve of the default case, cold: ${firstSolve.toFixed(2)} s in the browser (the app's time; the worker starts on it), ${nodeFirstSolve.toFixed(2)} s in Node; Node helper thread: ${nodeHelper ? 'yes' : 'no'}; medians of ${REPS} rounds after a warm-up round\n`,
);
console.log([head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
console.log(
  '\neffort = helperJoined / factorizationsReused / analysesReused of the timed solve (last round)',
);

// where the solve's time goes, browser against Node: solveCase's own phases (medians over the rounds)
const PHASES = ['validate', 'model', 'setup', 'loadUp', 'swelling', 'results'] as const;
const phaseHead = [
  'edit',
  ...PHASES.map((p) => `${p} [ms] browser / Node`),
  'fields + summary [ms] browser / Node',
];
const phaseRows = EDITS.map((e) => {
  const s = samples.get(e.label) ?? [];
  const ms = (xs: number[]) => (1000 * median(xs)).toFixed(0);
  return [
    e.label,
    ...PHASES.map(
      (p) => `${ms(s.map((x) => x.browserEffort.phases[p]))} / ${ms(s.map((x) => x.nodeEffort.phases[p]))}`,
    ),
    `${ms(s.map((x) => x.appAfter))} / ${ms(s.map((x) => x.nodeWithFields - x.node))}`,
  ];
});
console.log('\nsolveCase phases, browser worker / Node (medians):\n');
console.log(
  [phaseHead, phaseHead.map(() => '---'), ...phaseRows].map((cells) => `| ${cells.join(' | ')} |`).join('\n'),
);
