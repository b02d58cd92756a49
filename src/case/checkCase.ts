import { historyIssues } from '../history/historyChecks';
import { IssueList } from '../validation/issueList';
import { InputError, parseInput } from '../validation/parseInput';
import { washerOverlaps } from './boltOverlap';
import { footprintRect, nominalPreload, washerDiameter } from './caseGeometry';
import { boltMaterials, boltStressArea } from './materials';
import { type Case, caseSchema } from './schema';
import { estimateWork, type WorkLimits, workBudgetIssues } from './workBudget';

export { footprintRect, nominalPreload, type Rect, washerDiameter } from './caseGeometry';
export type { WorkEstimate, WorkLimits } from './workBudget';

/** Largest scatter factor a bolt can get [-], for checks against solid length and yield. */
function maxScatterFactor(c: Case): number {
  const s = c.bolts.scatter;
  switch (s.type) {
    case 'none':
      return 1;
    case 'factors': {
      // a loop, not Math.max(...factors): no spread of a long list onto the stack
      let m = 0;
      for (const f of s.factors) m = Math.max(m, f);
      return m > 0 ? m : 1;
    }
    case 'uniform':
      return 1 + s.halfRange;
    case 'normal':
      return 1 + 3 * s.cov;
  }
}

export interface CheckedCase {
  case: Case;
  /** physically questionable but solvable inputs */
  warnings: string[];
}

/**
 * Validate a case object: the schema first (field, value, unit, allowed range), then the
 * physical consistency of the parts with each other, then the work budget (the mesh, unknowns,
 * factor and maps must fit `limits`, by default 4096 MiB). Inconsistent inputs are errors or
 * warnings, never silently fixed. Throws InputError listing the errors, each once, the first 20.
 * Every input the schema admits is bounded, so no sum or product here can overflow; the checks
 * take time linear in the bolts and table points.
 */
export function checkCase(raw: unknown, limits: WorkLimits = {}): CheckedCase {
  const maxMemory = limits.maxMemoryMiB;
  if (maxMemory !== undefined && !(Number.isFinite(maxMemory) && maxMemory > 0))
    throw new InputError('limits', [`maxMemoryMiB: ${maxMemory} MiB — must be a finite number > 0`]);
  const c = parseInput(caseSchema, raw, 'case');
  const errors = new IssueList();
  const warnings = new IssueList();
  const { Lx, Ly } = c.plates;
  const fp = footprintRect(c);
  const eps = 1e-9;

  if (fp.x0 < -eps || fp.y0 < -eps || fp.x1 > Lx + eps || fp.y1 > Ly + eps) {
    errors.add(
      `stack.footprint: [${fp.x0}, ${fp.x1}] × [${fp.y0}, ${fp.y1}] mm — must lie on the plate [0, ${Lx}] × [0, ${Ly}] mm`,
    );
  }

  // Bolts: on the plate, clear of the cell footprint (washer included), not on top of each other.
  const rw = washerDiameter(c) / 2;
  const rHole = c.bolts.diameter / 2;
  const overlaps = washerOverlaps(c.bolts.positions, 2 * rw, eps);
  const overlapsOf = new Map<number, number[]>();
  for (const [i, j] of overlaps.pairs) overlapsOf.set(i, [...(overlapsOf.get(i) ?? []), j]);
  c.bolts.positions.forEach((b, i) => {
    const at = `bolts.positions[${i}]`;
    if (b.x - rHole < 0 || b.x + rHole > Lx || b.y - rHole < 0 || b.y + rHole > Ly) {
      errors.add(
        `${at}: (${b.x}, ${b.y}) mm — the bolt hole must lie on the plate [0, ${Lx}] × [0, ${Ly}] mm`,
      );
    } else if (b.x - rw < 0 || b.x + rw > Lx || b.y - rw < 0 || b.y + rw > Ly) {
      warnings.add(`${at}: (${b.x}, ${b.y}) mm — the washer (Ø${2 * rw} mm) overhangs the plate edge`);
    }
    const dx = Math.max(fp.x0 - b.x, 0, b.x - fp.x1);
    const dy = Math.max(fp.y0 - b.y, 0, b.y - fp.y1);
    if (Math.hypot(dx, dy) < rw - eps) {
      errors.add(
        `${at}: (${b.x}, ${b.y}) mm — the bolt or its washer (Ø${2 * rw} mm) is inside the cell footprint [${fp.x0}, ${fp.x1}] × [${fp.y0}, ${fp.y1}] mm; bolts must stand outside it`,
      );
    }
    for (const j of overlapsOf.get(i) ?? []) {
      const o = c.bolts.positions[j];
      errors.add(`${at}: (${b.x}, ${b.y}) mm — washers overlap bolt ${j} at (${o.x}, ${o.y}) mm`);
    }
  });
  if (overlaps.total > overlaps.pairs.length)
    errors.add(
      `bolts.positions: ${overlaps.total - overlaps.pairs.length} more overlapping washer pairs — not listed; washer centres must be at least ${2 * rw} mm apart`,
    );

  const nb = c.bolts.positions.length;
  if (c.bolts.scatter.type === 'factors' && c.bolts.scatter.factors.length !== nb) {
    errors.add(
      `bolts.scatter.factors: ${c.bolts.scatter.factors.length} factors — must give one per bolt (${nb})`,
    );
  }

  // Preload: the bolt must not yield, and the springs must not go solid.
  const F = nominalPreload(c);
  const Fmax = F * maxScatterFactor(c);
  const stress = Fmax / boltStressArea(c.bolts.diameter);
  const yieldStress = boltMaterials[c.bolts.material].yield;
  if (stress > yieldStress) {
    errors.add(
      `bolts.preload: ${Fmax.toFixed(0)} N (highest, with scatter) — gives ${stress.toFixed(0)} MPa in an M${c.bolts.diameter} ${c.bolts.material} bolt, above its ${yieldStress} MPa proof strength`,
    );
  } else if (stress > 0.9 * yieldStress) {
    warnings.add(
      `bolts.preload: ${stress.toFixed(0)} MPa bolt stress is above 90 % of the ${yieldStress} MPa proof strength`,
    );
  }
  const sp = c.bolts.springs;
  if (sp) {
    const travel = sp.freeLength - sp.solidLength;
    if (travel <= 0) {
      errors.add(
        `bolts.springs.solidLength: ${sp.solidLength} mm — must be < freeLength (${sp.freeLength} mm)`,
      );
    } else {
      const deflection = Fmax / sp.rate; // per spring: springs in series each carry the full force
      if (deflection >= travel) {
        errors.add(
          `bolts.springs: preload ${Fmax.toFixed(0)} N compresses each spring ${deflection.toFixed(2)} mm — reaches its solid length (travel ${travel.toFixed(2)} mm = freeLength − solidLength); use a stiffer or longer spring`,
        );
      } else if (deflection > 0.8 * travel) {
        warnings.add(
          `bolts.springs: preload uses ${((100 * deflection) / travel).toFixed(0)} % of the spring travel; little is left for swelling`,
        );
      }
    }
  }

  // Gaskets: inside the plate; parts beyond the cell footprint carry nothing (nothing is under them).
  c.gaskets.forEach((g, i) => {
    const at = `gaskets[${i}]`;
    if (g.region.type === 'rect') {
      const r = g.region;
      if (!(r.x1 > r.x0) || !(r.y1 > r.y0))
        errors.add(
          `${at}.region: [${r.x0}, ${r.x1}] × [${r.y0}, ${r.y1}] mm — inverted or empty; x1 must exceed x0 and y1 must exceed y0`,
        );
      if (r.x0 < -eps || r.y0 < -eps || r.x1 > Lx + eps || r.y1 > Ly + eps) {
        errors.add(
          `${at}.region: [${r.x0}, ${r.x1}] × [${r.y0}, ${r.y1}] mm — larger than the plate [0, ${Lx}] × [0, ${Ly}] mm`,
        );
      } else if (r.x0 < fp.x0 - eps || r.y0 < fp.y0 - eps || r.x1 > fp.x1 + eps || r.y1 > fp.y1 + eps) {
        warnings.add(
          `${at}.region: [${r.x0}, ${r.x1}] × [${r.y0}, ${r.y1}] mm — extends beyond the cell footprint; only the part over the cells carries load`,
        );
      }
      if (Math.min(r.x1, fp.x1) <= Math.max(r.x0, fp.x0) || Math.min(r.y1, fp.y1) <= Math.max(r.y0, fp.y0)) {
        errors.add(
          `${at}.region: [${r.x0}, ${r.x1}] × [${r.y0}, ${r.y1}] mm — does not overlap the cell footprint [${fp.x0}, ${fp.x1}] × [${fp.y0}, ${fp.y1}] mm, so it carries nothing; it must overlap it`,
        );
      }
    }
    if (g.region.type === 'frame') {
      const side = Math.min(fp.x1 - fp.x0, fp.y1 - fp.y0);
      if (2 * g.region.width > side + eps)
        errors.add(
          `${at}.region.width: ${g.region.width} mm — the two bands of the frame would overlap across the ${side} mm footprint side; must be <= ${side / 2} mm (or use type "full")`,
        );
      else if (2 * g.region.width >= side - eps)
        warnings.add(
          `${at}.region.width: ${g.region.width} mm — the frame covers the whole footprint; use type "full"`,
        );
    }
    if (g.law.type === 'table') {
      if (g.law.closure.length !== g.law.pressure.length) {
        errors.add(
          `${at}.law: ${g.law.closure.length} closures but ${g.law.pressure.length} pressures — must be equal`,
        );
      }
      monotoneTable(errors, `${at}.law`, 'closure', 'mm', g.law.closure, g.law.pressure);
    }
  });
  if ('rigid' in c.plates.bottom && c.gaskets.some((g) => g.side !== 'top')) {
    // fine physically (a pad on a rigid base), nothing to report
  }

  const law = c.stack.cells.law;
  if (law.type === 'table') {
    if (law.strain.length !== law.pressure.length) {
      errors.add(
        `stack.cells.law: ${law.strain.length} strains but ${law.pressure.length} pressures — must be equal`,
      );
    }
    monotoneTable(errors, 'stack.cells.law', 'strain', '', law.strain, law.pressure);
  }
  const ilv = c.stack.interleaf;
  if (ilv && ilv.every >= c.stack.cells.count) {
    warnings.add(
      `stack.interleaf.every: ${ilv.every} — not fewer than the ${c.stack.cells.count} cells, so there is no interleaf plate`,
    );
  }

  for (const [name, fl] of [
    ['plates.top.flatness', c.plates.top.flatness],
    ['plates.bottom.flatness', c.plates.bottom.flatness],
  ] as const) {
    if (fl.type === 'map' && !fl.grid && !fl.file)
      errors.add(`${name}: a map with neither grid nor file — a map needs a grid or a file`);
    if (fl.type === 'map' && fl.grid) gridShape(errors, `${name}.grid`, fl.grid);
  }
  const sw = c.stack.swelling;
  if (sw.type === 'strainMap' || sw.type === 'thicknessMap')
    gridShape(errors, 'stack.swelling.grid', sw.grid);
  const breathing = c.history?.breathing;
  if (breathing && breathing.type !== 'none' && breathing.map)
    gridShape(errors, 'history.breathing.map', breathing.map);
  swellingIssues(errors, c);
  historyIssues(errors, c, limits);

  const h = c.mesh.size;
  if (h > Math.min(fp.x1 - fp.x0, fp.y1 - fp.y0) / 4) {
    warnings.add(
      `mesh.size: ${h} mm — fewer than 4 elements across the cell footprint; the map will be coarse`,
    );
  }

  // last, on a case that is otherwise sound: what it would cost to solve
  if (errors.size === 0) for (const m of workBudgetIssues(c, estimateWork(c), limits)) errors.add(m);

  if (errors.size > 0) throw new InputError('case', errors.lines());
  return { case: c, warnings: warnings.lines() };
}

/**
 * A cell may grow by at most its own thickness (100 %) and shrink by less than it: below zero
 * thickness the stack would pass through itself. The strain forms are bounded by the schema to
 * (−1, 1); the thickness forms are checked here against the cell thickness.
 */
function swellingIssues(out: IssueList, c: Case): void {
  const sw = c.stack.swelling;
  const t = c.stack.cells.thickness;
  const check = (at: () => string, v: number): void => {
    if (v > -t && v <= t) return;
    // a whole map can be wrong: past the listed ones only count, without forming the message
    if (out.full) {
      out.skip();
      return;
    }
    if (!(v > -t))
      out.add(`${at()}: ${v} mm — would shrink each ${t} mm cell below zero thickness; must be > -${t} mm`);
    else
      out.add(
        `${at()}: ${v} mm — more than doubles each ${t} mm cell (over 100 % growth); must be <= ${t} mm`,
      );
  };
  if (sw.type === 'thickness') check(() => 'stack.swelling.value', sw.value);
  if (sw.type !== 'thicknessMap') return;
  for (const [j, row] of sw.grid.values.entries())
    for (const [i, v] of row.entries()) check(() => `stack.swelling.grid.values[${j}][${i}]`, v);
}

/** Adds the issues of a table that must start at (0, 0) and increase strictly in both columns. */
function monotoneTable(
  out: IssueList,
  at: string,
  xName: string,
  xUnit: string,
  xs: number[],
  ps: number[],
): void {
  const u = xUnit ? ` ${xUnit}` : '';
  if (xs[0] !== 0 || ps[0] !== 0)
    out.add(
      `${at}: starts at (${xs[0]}${u}, ${ps[0]} MPa) — the table must start at ${xName} 0 and pressure 0 MPa`,
    );
  for (let k = 1; k < Math.min(xs.length, ps.length); k++) {
    if (!(xs[k] > xs[k - 1]))
      out.add(`${at}.${xName}[${k}]: ${xs[k]}${u} — must increase strictly (previous ${xs[k - 1]}${u})`);
    if (!(ps[k] > ps[k - 1]))
      out.add(`${at}.pressure[${k}]: ${ps[k]} MPa — must increase strictly (previous ${ps[k - 1]} MPa)`);
  }
}

/** Adds the issues of a grid map: increasing axes, one row per y and one value per x in each. */
function gridShape(out: IssueList, at: string, g: { x: number[]; y: number[]; values: number[][] }): void {
  for (let i = 1; i < g.x.length; i++)
    if (!(g.x[i] > g.x[i - 1])) out.add(`${at}.x[${i}]: ${g.x[i]} mm — must increase strictly`);
  for (let j = 1; j < g.y.length; j++)
    if (!(g.y[j] > g.y[j - 1])) out.add(`${at}.y[${j}]: ${g.y[j]} mm — must increase strictly`);
  if (g.values.length !== g.y.length)
    out.add(`${at}.values: ${g.values.length} rows — must have one per y (${g.y.length})`);
  g.values.forEach((row, j) => {
    if (row.length !== g.x.length)
      out.add(`${at}.values[${j}]: ${row.length} values — must have one per x (${g.x.length})`);
  });
}
