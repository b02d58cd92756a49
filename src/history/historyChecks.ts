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
import { maxHistoryStateCount } from './historySchema';

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
  if (c.stack.swelling.type !== 'none')
    errors.add(
      `stack.swelling: "${c.stack.swelling.type}" — a case with a history takes its swelling from history.breathing and history.growth; set stack.swelling to none`,
    );
  if (c.tolerances)
    errors.add(
      'tolerances: a tolerance study of a case with a history — each draw would solve the whole life; study the draws without the history, or solve the history of the nominal case (remove one of the two blocks)',
    );
  if (h.soc.min > h.soc.max)
    errors.add(`history.soc.min: ${h.soc.min} — above history.soc.max ${h.soc.max}; must be <= it`);
  const increasing = (at: string, unit: string, xs: number[], strictly: boolean) => {
    for (let i = 1; i < xs.length; i++)
      if (strictly ? !(xs[i] > xs[i - 1]) : !(xs[i] >= xs[i - 1])) {
        errors.add(
          `${at}[${i}]: ${xs[i]}${unit} after ${xs[i - 1]}${unit} — must ${strictly ? 'increase strictly' : 'not decrease'}`,
        );
        return;
      }
  };
  const sameLength = (at: string, a: number[], bName: string, b: number[]) => {
    if (a.length !== b.length)
      errors.add(`${at}: ${a.length} points but ${b.length} in ${bName} — must be equal`);
  };
  const t = c.stack.cells.thickness;
  const cellChange = (at: string, v: number) => {
    if (!(v > -t))
      errors.add(`${at}: ${v} mm — a cell of ${t} mm cannot shrink by its own thickness; must be > −${t} mm`);
    else if (v > t) errors.add(`${at}: ${v} mm — more than doubles a ${t} mm cell; must be <= ${t} mm`);
  };
  const b = h.breathing;
  if (b.type === 'table') {
    sameLength('history.breathing.thickness', b.thickness, 'history.breathing.soc', b.soc);
    increasing('history.breathing.soc', '', b.soc, true);
    for (const [i, v] of b.thickness.entries()) cellChange(`history.breathing.thickness[${i}]`, v);
  }
  const g = h.growth;
  const cycles = h.states ? Math.max(...h.states.map((s) => s.cycle)) : h.cycles.count;
  if (g.type === 'linear') cellChange('history.growth.perCycle × cycles', g.perCycle * cycles);
  if (g.type === 'table') {
    sameLength('history.growth.thickness', g.thickness, 'history.growth.cycle', g.cycle);
    increasing('history.growth.cycle', '', g.cycle, true);
    for (const [i, v] of g.thickness.entries()) cellChange(`history.growth.thickness[${i}]`, v);
  }
  const T = h.temperature;
  if (T.type === 'table') {
    sameLength('history.temperature.deltaT', T.deltaT, 'history.temperature.time', T.time);
    increasing('history.temperature.time', ' h', T.time, true);
  }
  if (h.states)
    increasing(
      'history.states[].time',
      ' h',
      h.states.map((s) => s.time),
      false,
    );
  const n = historyStateCount(c);
  if (n > maxHistoryStateCount)
    errors.add(
      `history.cycles.count: ${h.cycles.count} — ${h.cycles.count} cycles × ${h.cycles.statesPerCycle} states is ${n} states, more than the ${maxHistoryStateCount} a history may have`,
    );
  const thermal = h.temperature.type !== 'none' || h.states?.some((s) => (s.deltaT ?? 0) !== 0);
  if (thermal) {
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
}
