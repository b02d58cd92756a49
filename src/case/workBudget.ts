import { axisCoordinates } from '../../solver/mesh/axis';
import { footprintRect } from './caseGeometry';
import { meshAxisSpecs } from './meshAxes';
import type { Case } from './schema';

/**
 * What a case will cost before it is solved, from the validated case alone: the mesh (exact, from
 * the same axis builder the model uses; 1-D, so cheap), the unknowns, the Cholesky factor and the
 * output maps. A case beyond the limits is refused up front instead of running for minutes and
 * dying of memory. Every count is a plain float: no estimate allocates in proportion to what it
 * estimates, and none can overflow, since the schema bounds every input.
 */

/** Limits on the work of one case. */
export interface WorkLimits {
  /** memory the case may need [MiB] */
  maxMemoryMiB?: number;
}

/**
 * Default memory limit [MiB]: well below the 24 GiB of the machines the tool is run on, so a
 * batch with several workers still fits; raise it per run with `--max-memory`.
 */
export const defaultMaxMemoryMiB = 4096;

/**
 * Most unknowns of one case. At 3 M unknowns the factor holds ≈ 5e8 entries — the sparse factor
 * indexes them with 32-bit integers — and one factorization already takes minutes; a Newton solve
 * needs tens of them.
 */
export const maxUnknowns = 3_000_000;

/** Entries one factor may hold: its panels are indexed by 32-bit integers. */
export const maxFactorEntries = 2 ** 31 - 1;

/**
 * Points of one output map. `pressure.csv` takes about 33 characters a point and one string
 * cannot exceed 2^29 characters; 10 M points (a 3000 × 3000 mm footprint at 1 mm) stays clear of it.
 */
export const maxGridPoints = 10_000_000;

/*
 * Memory model [bytes], fitted to the peak resident size (less the ≈ 130 MiB of Node and the
 * loaded code) of the cases/fig5b-*.json solves at 2, 1 and 0.5 mm (37 k to 544 k unknowns, one or two plate
 * factors) and of coupled 3- to 13-plate stacks; it overestimates those runs by 15–50 %, which is
 * the side to err on.
 */
/**
 * per entry of the Cholesky factor of one plate: value, supernode indices, update stack, the
 * previous factor while refactoring (20–23 B measured)
 */
const bytesPerPlateFactorEntry = 24;
/**
 * per entry of the factor of plates coupled through the stack: its supernodes are wider, so the
 * indices and the update stack cost less per entry (13.5 B measured for 7 and 13 plates)
 */
const bytesPerCoupledFactorEntry = 14;
/** per unknown: plate stiffness matrix, ordering, solution, residual and Newton vectors */
const bytesPerUnknown = 400;
/** per mesh node: coordinates, quads, footprint flags, surface heights */
const bytesPerNode = 100;
/** per mesh node per interface: the nodal pressure map and its mask */
const bytesPerInterfaceNode = 40;
/** per contact point: node, area, law, gap, stiffness, closure, the pressures of each state */
const bytesPerContactPoint = 200;
/** per point of each interface's resampled grid */
const bytesPerGridPoint = 8;
/** per point of the written map: its pressure.csv line and pressure.png pixels */
const bytesPerWrittenPoint = 256;
/** per point of a series law table: closure, pressure, energy */
const bytesPerLawPoint = 24;

/** One linear system the solver factors: `count` systems of `unknowns` unknowns each. */
export interface FactorSystem {
  /** unknowns of one system */
  unknowns: number;
  /** plate layers coupled in it */
  plates: number;
  /** systems of this size held at once */
  count: number;
  /** estimated entries of the Cholesky factor of one system */
  entries: number;
}

/** The estimated size of a case. */
export interface WorkEstimate {
  /** mesh lines along x and y */
  lines: { x: number; y: number };
  /** mesh nodes (one plate) */
  nodes: number;
  /** the nodes of a uniform mesh at mesh.size, without the lines and refinement bolts and pads add */
  uniformNodes: number;
  /** plate layers with unknowns: top, interleaf plates, bottom (a rigid base has none) */
  plates: number;
  /** pairs of neighbouring layers, each with its own contact points and map */
  interfaces: number;
  /** 3 per node per plate layer */
  unknowns: number;
  factors: FactorSystem[];
  /** contact points over all interfaces */
  contactPoints: number;
  /** output grid: nx × ny points per map, one map per interface */
  grid: { nx: number; ny: number; points: number; maps: number };
  /** points of the tabulated laws: cell table plus pad tables */
  tablePoints: number;
  /** estimated peak memory of the solve [MiB], by part */
  memoryMiB: { total: number; factor: number; unknowns: number; contact: number; grid: number };
}

/**
 * Entries of the Cholesky factor of one plate system of `n` unknowns coupling `plates` layers.
 * Nested dissection on a 2-D mesh fills nnz(L) ≈ 8·n·log2(n) for one plate (measured: 2.7 M at
 * 30 k unknowns, 12.8 M at 100 k, 68.5 M at 500 k). Layers joined node by node through the
 * stack fill more: measured ≈ ·plates^(2/3) for 3 to 13 plates. A thin mesh of many layers is
 * better factored layer after layer, a block band of ≈ 1.5·n·(3 × nodes) entries: the smaller
 * of the two.
 */
export function factorEntries(n: number, plates: number, nodes: number): number {
  if (n <= 1) return n;
  const dissection = 8 * n * Math.log2(n) * plates ** (2 / 3);
  const band = 1.5 * n * 3 * nodes;
  return Math.min(dissection, band, (n * (n + 1)) / 2);
}

/**
 * The systems the contact solver factors for `plates` layers of `nodes` nodes each: two plates
 * are split into two single-plate systems held together (the sum and the difference of their
 * motions); any other stack is one system coupling all its layers.
 */
function factorSystems(nodes: number, plates: number, rigidBase: boolean): FactorSystem[] {
  const perPlate = 3 * nodes;
  if (plates === 2 && !rigidBase)
    return [{ unknowns: perPlate, plates: 1, count: 2, entries: factorEntries(perPlate, 1, nodes) }];
  const n = perPlate * plates;
  return [{ unknowns: n, plates, count: 1, entries: factorEntries(n, plates, nodes) }];
}

const MiB = 2 ** 20;

function factorBytes(factors: FactorSystem[]): number {
  return factors.reduce(
    (s, f) =>
      s + f.count * f.entries * (f.plates > 1 ? bytesPerCoupledFactorEntry : bytesPerPlateFactorEntry),
    0,
  );
}

/** Grid points along a side of `length` mm at `spacing` mm, as `resampleToGrid` lays them. */
function gridLine(length: number, spacing: number): number {
  return Math.max(2, Math.round(length / spacing) + 1);
}

/** Mesh lines of [lo, hi] on an axis: those of `coords` inside it (binary search; the axis is sorted). */
function linesWithin(coords: Float64Array, lo: number, hi: number): number {
  const firstAtLeast = (v: number): number => {
    let a = 0;
    let b = coords.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (coords[m] < v) a = m + 1;
      else b = m;
    }
    return a;
  };
  return Math.max(0, firstAtLeast(hi + 1e-9 * (hi - lo)) - firstAtLeast(lo - 1e-9 * (hi - lo)));
}

/** Estimate the size of a validated case (see `WorkEstimate`). Cost: two 1-D axis builds. */
export function estimateWork(c: Case): WorkEstimate {
  const axes = meshAxisSpecs(c);
  const x = axisCoordinates(axes.x, 'x');
  const y = axisCoordinates(axes.y, 'y');
  const nodes = x.length * y.length;
  const h = c.mesh.size;
  const uniformNodes = (Math.ceil(c.plates.Lx / h) + 1) * (Math.ceil(c.plates.Ly / h) + 1);

  const cells = c.stack.cells;
  const il = c.stack.interleaf;
  const groups = il ? Math.ceil(cells.count / il.every) : 1;
  const rigidBase = 'rigid' in c.plates.bottom;
  const plates = groups + (rigidBase ? 0 : 1);
  const interfaces = groups;
  const unknowns = 3 * nodes * plates;
  const factors = factorSystems(nodes, plates, rigidBase);

  const fp = footprintRect(c);
  const footprintNodes = linesWithin(x, fp.x0, fp.x1) * linesWithin(y, fp.y0, fp.y1);
  const contactPoints = footprintNodes * interfaces;
  const nx = gridLine(fp.x1 - fp.x0, c.output.gridSpacing);
  const ny = gridLine(fp.y1 - fp.y0, c.output.gridSpacing);
  const gridPoints = nx * ny;

  const law = cells.law;
  let tablePoints = law.type === 'table' ? law.strain.length : 2;
  for (const g of c.gaskets) tablePoints += g.law.type === 'table' ? g.law.closure.length : 2;
  // one series law per interface and pad coverage: a generous count of the distinct coverages
  const laws = interfaces * (1 + 2 * c.gaskets.length);

  const factor = factorBytes(factors);
  const perUnknown = unknowns * bytesPerUnknown + nodes * (bytesPerNode + interfaces * bytesPerInterfaceNode);
  const contact = contactPoints * bytesPerContactPoint + laws * tablePoints * bytesPerLawPoint;
  const grid = gridPoints * (interfaces * bytesPerGridPoint + bytesPerWrittenPoint);
  return {
    lines: { x: x.length, y: y.length },
    nodes,
    uniformNodes,
    plates,
    interfaces,
    unknowns,
    factors,
    contactPoints,
    grid: { nx, ny, points: gridPoints, maps: interfaces },
    tablePoints,
    memoryMiB: {
      total: (factor + perUnknown + contact + grid) / MiB,
      factor: factor / MiB,
      unknowns: perUnknown / MiB,
      contact: contact / MiB,
      grid: grid / MiB,
    },
  };
}

/** `4096`, `37 000`: a whole number with its thousands set apart (from 10 000 on). */
export function groupedNumber(v: number): string {
  const s = String(Math.round(v));
  return Math.abs(v) >= 10_000 ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : s;
}

/** `37 000`, `1.2e+15`: an estimated size for a message, rounded to what an estimate is worth. */
export function roughNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1e9) return v.toExponential(1);
  return groupedNumber(Math.abs(v) >= 1000 ? Number(v.toPrecision(2)) : v);
}

/** `9.1 M`, `740 k`, `512`: unknowns and points in a message. */
export function countText(v: number): string {
  if (v >= 1e9) return v.toExponential(1);
  if (v >= 1e6) return `${Number((v / 1e6).toPrecision(2))} M`;
  if (v >= 1e4) return `${Number((v / 1e3).toPrecision(2))} k`;
  return String(Math.round(v));
}

/**
 * The field a too-large estimate is most due to, as `field: value unit`, and what to change:
 * the output grid, the interleaf plates (coupled systems), the bolts' and pads' mesh lines, or
 * the mesh size.
 */
function culprit(
  c: Case,
  e: WorkEstimate,
  part: 'memory' | 'unknowns',
  maxMemory: number,
): { field: string; advice: string } {
  const il = c.stack.interleaf;
  const m = e.memoryMiB;
  if (part === 'memory' && m.grid >= m.factor + m.unknowns && m.grid >= m.contact)
    return {
      field: `output.gridSpacing: ${c.output.gridSpacing} mm`,
      advice: `most of it for a ${e.grid.nx} × ${e.grid.ny} pressure map; use a coarser output.gridSpacing`,
    };
  // more plate layers than the usual two, and the mesh alone would fit: the interleaf plates are the cause
  if (il && e.plates > 2) {
    const twoPlates = factorBytes(factorSystems(e.nodes, 2, false)) + 6 * e.nodes * bytesPerUnknown;
    if (6 * e.nodes <= maxUnknowns && twoPlates / MiB <= maxMemory)
      return {
        field: `stack.interleaf.every: ${il.every}`,
        advice: `${e.plates} plate layers coupled through the stack (${c.stack.cells.count} cells, an interleaf plate after every ${il.every}); use fewer interleaf plates or a coarser mesh.size`,
      };
  }
  if (e.nodes > 2 * e.uniformNodes && c.bolts.positions.length > 1)
    return {
      field: `bolts.positions: ${c.bolts.positions.length} bolts`,
      advice: `each bolt adds mesh lines and refinement along both axes (${e.lines.x} × ${e.lines.y} lines); use fewer bolts or a larger mesh.size`,
    };
  return {
    field: `mesh.size: ${c.mesh.size} mm`,
    advice: `${e.lines.x} × ${e.lines.y} mesh lines on ${e.plates} plate layer${e.plates > 1 ? 's' : ''}; use a larger mesh.size`,
  };
}

/**
 * The issues of an estimate beyond the limits, each naming the field most responsible, the
 * estimate and the limit; empty when the case fits.
 */
export function workBudgetIssues(c: Case, e: WorkEstimate, limits: WorkLimits = {}): string[] {
  const maxMemory = limits.maxMemoryMiB ?? defaultMaxMemoryMiB;
  const issues: string[] = [];
  const biggest = e.factors.reduce((a, f) => Math.max(a, f.entries), 0);
  // one message for the size of the solve: memory says the most, then the unknowns, then the factor
  let gridBlamed = false;
  if (e.memoryMiB.total > maxMemory) {
    const { field, advice } = culprit(c, e, 'memory', maxMemory);
    gridBlamed = field.startsWith('output.gridSpacing');
    issues.push(
      `${field} — the case would need more than the ${groupedNumber(maxMemory)} MiB memory limit (raise it with --max-memory): about ${roughNumber(e.memoryMiB.total)} MiB for ${countText(e.unknowns)} unknowns; ${advice}`,
    );
  } else if (e.unknowns > maxUnknowns) {
    const { field, advice } = culprit(c, e, 'unknowns', maxMemory);
    issues.push(
      `${field} — the case would have more than the ${countText(maxUnknowns)} unknowns allowed: ${countText(e.unknowns)} (3 per node × ${countText(e.nodes)} nodes × ${e.plates} plate layers); ${advice}`,
    );
  } else if (biggest > maxFactorEntries) {
    const { field, advice } = culprit(c, e, 'unknowns', maxMemory);
    issues.push(
      `${field} — the factor would hold more than the ${countText(maxFactorEntries)} entries its 32-bit indices allow: about ${countText(biggest)}; ${advice}`,
    );
  }
  if (e.grid.points > maxGridPoints && !gridBlamed) {
    issues.push(
      `output.gridSpacing: ${c.output.gridSpacing} mm — gives more than the ${countText(maxGridPoints)} points a pressure map may have: ${e.grid.nx} × ${e.grid.ny} = ${countText(e.grid.points)}; use a coarser output.gridSpacing`,
    );
  }
  return issues;
}

/** Bytes of each per-point value a tolerance study keeps: one map grid per draw per load state. */
const bytesPerStudyPoint = 8;

/**
 * The issues of a tolerance study of `samples` draws of a case of estimate `e` with `states`
 * load states; empty when it fits. The draws are solved one after the other, so the case's own
 * memory is needed once; the per-point values of the maps' percentiles grow with the draws. The
 * time is bounded too: at most 1000 draws (the schema's bound), each within the case's budget.
 */
export function studyBudgetIssues(
  e: WorkEstimate,
  samples: number,
  states: number,
  limits: WorkLimits = {},
): string[] {
  const maxMemory = limits.maxMemoryMiB ?? defaultMaxMemoryMiB;
  const perPoint = (samples * e.grid.points * states * bytesPerStudyPoint) / MiB;
  if (perPoint + e.memoryMiB.total <= maxMemory) return [];
  return [
    `tolerances.samples: ${samples} — the study would need more than the ${groupedNumber(maxMemory)} MiB memory limit (raise it with --max-memory): about ${roughNumber(perPoint)} MiB of map values (${samples} draws × ${countText(e.grid.points)} grid points × ${states} load state${states > 1 ? 's' : ''} × 8 B) beside the case's ${roughNumber(e.memoryMiB.total)} MiB; use fewer samples or a coarser output.gridSpacing`,
  ];
}
