/**
 * Life-history benchmark (`npm run bench -- --history-only`).
 *
 * 1. cases/default.json at its 2 mm mesh with a history of 100 states after load-up (50 cycles of
 *    charge and discharge, 9.7 µm of breathing per cell, 0.2 µm of growth per cycle, ±10 K a day,
 *    the silicone pads relaxing): the end-to-end solve, the history's own time, seconds per state,
 *    factorizations made and taken from the session, Newton steps per state. The target is 10 s.
 * 2. Beside it, in the same process and minute: one plain `solveCase` of the default case (load-up
 *    and one swelling step), × 100 — what solving the states one by one as separate cases would cost.
 * 3. cases/cycling-bare.json and cycling-springs.json (200 states at 4 mm, no pads: the contact set
 *    moves with every state, so most states refactor).
 * Every solve is run twice; the second (warm JIT) is reported. The load average is printed.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { solveCase } from '../../src/solveCase';

const caseOf = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../cases/${name}.json`, import.meta.url), 'utf8'));
const load = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ');

function defaultWithHistory() {
  const c = caseOf('default');
  c.stack.swelling = { type: 'none' };
  c.history = {
    cycles: { count: 50, hoursPerCycle: 4, statesPerCycle: 2 },
    breathing: { type: 'table', soc: [0, 1], thickness: [0, 0.0097] },
    growth: { type: 'linear', perCycle: 0.0002 },
    temperature: { type: 'daily', mean: 0, amplitude: 10 },
  };
  return c;
}

function timed(raw: unknown) {
  solveCase(raw); // warm the JIT on this very case
  const t0 = performance.now();
  const r = solveCase(raw);
  return { r, seconds: (performance.now() - t0) / 1000 };
}

console.log(`load average at the start (1 / 5 / 15 min): ${load()}`);
console.log(
  '| case | states after load-up | solve s | history s | s per state | factorizations made / reused | Newton steps per state |',
);
console.log('|---|---|---|---|---|---|---|');
const rows: { name: string; raw: unknown }[] = [
  { name: 'default + 100-state history, 2 mm', raw: defaultWithHistory() },
  { name: 'cycling-bare, 4 mm', raw: caseOf('cycling-bare') },
  { name: 'cycling-springs, 4 mm', raw: caseOf('cycling-springs') },
];
let historySeconds = 0;
for (const { name, raw } of rows) {
  const { r, seconds } = timed(raw);
  const states = r.history!.states.length - 1;
  const h = r.effort.phases.swelling;
  if (!historySeconds) historySeconds = seconds;
  const steps = r.history!.states.slice(1).reduce((n, s) => n + s.newtonIterations, 0);
  console.log(
    `| ${name} | ${states} | ${seconds.toFixed(2)} | ${h.toFixed(2)} | ${(h / states).toFixed(3)} | ${r.solver.factorizations - r.effort.factorizationsReused} / ${r.effort.factorizationsReused} | ${(steps / states).toFixed(2)} |`,
  );
}
const plain = timed(caseOf('default'));
console.log(
  `\none plain solveCase of cases/default.json (load-up + swelling): ${plain.seconds.toFixed(2)} s; 100 of them: ${(100 * plain.seconds).toFixed(1)} s — ${((100 * plain.seconds) / historySeconds).toFixed(1)}× the 100-state history`,
);
console.log(`load average at the end: ${load()}`);
