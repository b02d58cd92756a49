import type { Case } from '../case/schema';
import { plateAlpha } from '../case/thermalExpansion';
import {
  defaultMaxMemoryMiB,
  estimateWork,
  groupedNumber,
  roughNumber,
  type WorkLimits,
} from '../case/workBudget';
import { InputError } from '../validation/parseInput';
import { breathingCurve, cellChangeOf } from './cellChange';
import { changesTemperature, historySchedule } from './historySchedule';
import type { HistoryCase } from './historySchema';
import { maxHistoryStateCount } from './historySchema';
import { historyStateBytes, maxHistoryMapValues, maxHistoryResultBytes } from './historySummarySchema';

/** Collects the messages of one kind; the case checks pass theirs in. */
interface Messages {
  add(message: string): void;
}

/** Number of states of a history after load-up. */
export function historyStateCount(c: Case): number {
  const h = c.history;
  if (!h) return 0;
  return h.states ? h.states.length : h.cycles.count * h.cycles.statesPerCycle;
}

/**
 * The cross-field checks of a case's history that its schema cannot make: tables of matching
 * length and increasing abscissae, states in time order, cells that never shrink through
 * themselves, and a history that fits the state and memory limits. Each message names the field,
 * the value with its unit and what is allowed.
 */
export function historyIssues(errors: Messages, c: Case, limits: WorkLimits = {}): void {
  const h = c.history;
  if (!h) return;
  // errors of the block's own fields: the per-state check below needs them all sound
  let fieldErrors = 0;
  const fieldError = (message: string) => {
    fieldErrors++;
    errors.add(message);
  };
  if (c.stack.swelling.type !== 'none')
    errors.add(
      `stack.swelling: "${c.stack.swelling.type}" — a case with a history takes its swelling from history.breathing and history.growth; set stack.swelling to none`,
    );
  if (c.tolerances)
    errors.add(
      'tolerances: a tolerance study of a case with a history — each draw would solve the whole life; study the draws without the history, or solve the history of the nominal case (remove one of the two blocks)',
    );
  if (h.soc.min > h.soc.max)
    fieldError(`history.soc.min: ${h.soc.min} — above history.soc.max ${h.soc.max}; must be <= it`);
  const increasing = (at: string, unit: string, xs: number[], strictly: boolean) => {
    for (let i = 1; i < xs.length; i++)
      if (strictly ? !(xs[i] > xs[i - 1]) : !(xs[i] >= xs[i - 1])) {
        fieldError(
          `${at}[${i}]: ${xs[i]}${unit} after ${xs[i - 1]}${unit} — must ${strictly ? 'increase strictly' : 'not decrease'}`,
        );
        return;
      }
  };
  const sameLength = (at: string, a: number[], bName: string, b: number[]) => {
    if (a.length !== b.length)
      fieldError(`${at}: ${a.length} points but ${b.length} in ${bName} — must be equal`);
  };
  const t = c.stack.cells.thickness;
  const cellChange = (at: string, v: number) => {
    if (!(v > -t))
      fieldError(`${at}: ${v} mm — a cell of ${t} mm cannot shrink by its own thickness; must be > −${t} mm`);
    else if (v > t) fieldError(`${at}: ${v} mm — more than doubles a ${t} mm cell; must be <= ${t} mm`);
  };
  const b = h.breathing;
  if (b.type === 'table') {
    sameLength('history.breathing.thickness', b.thickness, 'history.breathing.soc', b.soc);
    increasing('history.breathing.soc', '', b.soc, true);
    for (const [i, v] of b.thickness.entries()) cellChange(`history.breathing.thickness[${i}]`, v);
    // the table is the change from the assembled, discharged cell over the whole SOC range:
    // a table that stops short would hold its last value silently
    const last = b.soc.length - 1;
    if (b.soc[0] !== 0) fieldError(`history.breathing.soc[0]: ${b.soc[0]} — the table must start at SOC 0`);
    if (b.soc[last] !== 1)
      fieldError(`history.breathing.soc[${last}]: ${b.soc[last]} — the table must end at SOC 1`);
    if (b.thickness[0] !== 0)
      fieldError(
        `history.breathing.thickness[0]: ${b.thickness[0]} mm — the change from the assembled (SOC 0) cell is 0 mm at SOC 0; must be 0`,
      );
  }
  // the cell model's own checks (a composite anode needs its volume change), named in the block
  if (b.type === 'cell')
    try {
      breathingCurve(h);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const line of e.issues) fieldError(`history.breathing.${line}`);
    }
  const g = h.growth;
  let cycles = h.cycles.count;
  if (h.states) {
    // a loop, not Math.max(...states): 20 000 arguments on the stack
    cycles = 0;
    for (const s of h.states) cycles = Math.max(cycles, s.cycle);
  }
  if (g.type === 'linear') {
    const total = g.perCycle * cycles;
    if (!(total > -t))
      fieldError(
        `history.growth.perCycle: ${g.perCycle} mm — over ${cycles} cycles a ${t} mm cell would shrink by ${-total} mm, through its own thickness; must be > ${-t / cycles} mm for this history`,
      );
    else if (total > t)
      fieldError(
        `history.growth.perCycle: ${g.perCycle} mm — over ${cycles} cycles a ${t} mm cell would grow by ${total} mm, more than doubling; must be <= ${t / cycles} mm for this history`,
      );
  }
  if (g.type === 'table') {
    sameLength('history.growth.thickness', g.thickness, 'history.growth.cycle', g.cycle);
    increasing('history.growth.cycle', '', g.cycle, true);
    for (const [i, v] of g.thickness.entries()) cellChange(`history.growth.thickness[${i}]`, v);
    // growth is counted from load-up: the table starts with no growth after no cycles
    if (g.cycle[0] !== 0)
      fieldError(`history.growth.cycle[0]: ${g.cycle[0]} — the table must start at cycle 0`);
    const last = g.cycle.length - 1;
    if (g.cycle[last] < cycles)
      fieldError(
        `history.growth.cycle[${last}]: ${g.cycle[last]} — the history runs to cycle ${cycles}; the table must reach it (past its end the growth would stop)`,
      );
    if (g.thickness[0] !== 0)
      fieldError(
        `history.growth.thickness[0]: ${g.thickness[0]} mm — no growth before the first cycle; must be 0 mm at cycle 0`,
      );
  }
  const T = h.temperature;
  if (T.type === 'table') {
    sameLength('history.temperature.deltaT', T.deltaT, 'history.temperature.time', T.time);
    increasing('history.temperature.time', ' h', T.time, true);
  }
  if (h.states) {
    for (let i = 1; i < h.states.length; i++)
      if (!(h.states[i].time >= h.states[i - 1].time)) {
        fieldError(
          `history.states[${i}].time: ${h.states[i].time} h — before history.states[${i - 1}].time ${h.states[i - 1].time} h; the states must be in time order (times that do not decrease)`,
        );
        break;
      }
    // cycles once completed stay completed: a falling count would undo irreversible growth
    for (let i = 1; i < h.states.length; i++)
      if (!(h.states[i].cycle >= h.states[i - 1].cycle)) {
        fieldError(
          `history.states[${i}].cycle: ${h.states[i].cycle} — below history.states[${i - 1}].cycle ${h.states[i - 1].cycle}; the cycles completed must not decrease from one state to the next`,
        );
        break;
      }
  }
  const n = historyStateCount(c);
  if (n > maxHistoryStateCount)
    fieldError(
      `history.cycles.count: ${h.cycles.count} — ${h.cycles.count} cycles × ${h.cycles.statesPerCycle} states is ${n} states, more than the ${maxHistoryStateCount} a history may have`,
    );
  if (h.maps)
    for (const [i, k] of h.maps.entries())
      if (k > n) {
        fieldError(`history.maps[${i}]: ${k} — the history has states 0 (load-up) to ${n}; must be <= ${n}`);
        break;
      }
  // Each cause may be possible alone and impossible together: breathing, growth and the cells'
  // own thermal expansion at one state may still take a cell through itself. Checked per state
  // (linear in the states) once the fields are sound, so the tables are safe to interpolate.
  if (fieldErrors === 0 && n <= maxHistoryStateCount) freeThicknessIssues(errors, c, h);
  if (changesTemperature(h)) {
    const plates: [unknown, string][] = [[c.plates.top.material, 'plates.top.material']];
    if (!('rigid' in c.plates.bottom)) plates.push([c.plates.bottom.material, 'plates.bottom.material']);
    if (c.stack.interleaf) plates.push([c.stack.interleaf.material, 'stack.interleaf.material']);
    for (const [m, at] of plates)
      try {
        plateAlpha(m as Parameters<typeof plateAlpha>[0], at);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        for (const line of e.issues) errors.add(line);
      }
  }
  // the per-state maps the viewer and the report draw: one grid per state
  const e = estimateWork(c);
  const mapsMiB = ((n + 1) * e.grid.points * 8) / 2 ** 20;
  const maxMemory = limits.maxMemoryMiB ?? defaultMaxMemoryMiB;
  if (mapsMiB + e.memoryMiB.total > maxMemory)
    errors.add(
      `history: ${n} states — their maps need about ${roughNumber(mapsMiB)} MiB (${n + 1} states × ${groupedNumber(e.grid.points)} grid points × 8 B) beside the solve's ${roughNumber(e.memoryMiB.total)} MiB, more than the ${groupedNumber(maxMemory)} MiB memory limit (raise it with --max-memory); use fewer states or a coarser output.gridSpacing`,
    );
  // fields.json holds every state's map; a reader (the viewer, stackpress report) takes no more than this
  const values = (n + 1) * e.grid.points;
  if (values > maxHistoryMapValues)
    errors.add(
      `history: ${n} states — ${n + 1} maps × ${groupedNumber(e.grid.points)} grid points is ${groupedNumber(values)} map values, more than the ${groupedNumber(maxHistoryMapValues)} a result's fields.json may hold (the viewer and stackpress report read no more); use fewer states or a coarser output.gridSpacing`,
    );
  // result.json holds every state's statistics, per interface
  const bytes = (n + 1) * historyStateBytes(e.interfaces);
  if (bytes > maxHistoryResultBytes)
    errors.add(
      `history: ${n} states — with ${e.interfaces} interfaces each they would put about ${roughNumber(bytes / 2 ** 20)} MiB into result.json, more than the ${maxHistoryResultBytes / 2 ** 20} MiB a result may hold; use fewer states (history.cycles, history.states) or fewer interleaf plates`,
    );
}

/**
 * A cell's free thickness at every state — its assembled thickness plus the breathing since
 * load-up, the growth and its own α·t·ΔT — must stay above zero: each cause may pass alone and
 * still take the cell through itself together with the others. Names the first such state.
 */
function freeThicknessIssues(errors: Messages, c: Case, h: HistoryCase): void {
  const t = c.stack.cells.thickness;
  const change = cellChangeOf(c, h);
  const schedule = historySchedule(h);
  for (let i = 1; i < schedule.length; i++) {
    const s = schedule[i];
    const d = change(s);
    const free = t + d.breathing + d.growth + d.thermal;
    if (!(free > 0)) {
      const mm = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toPrecision(3)} mm`;
      errors.add(
        `history: state ${i} (${s.label}, t = ${s.time} h) — breathing ${mm(d.breathing)}, growth ${mm(d.growth)} and thermal expansion ${mm(d.thermal)} leave a ${t} mm cell ${free.toPrecision(3)} mm thick; together they must leave it > 0 mm (check history.breathing, history.growth and the temperature)`,
      );
      return;
    }
  }
}
