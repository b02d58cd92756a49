/**
 * CalculiX reference for the confinement (shape-factor) correction of the cell stack.
 *
 * A 3D isotropic block (the cell stack) of footprint W × D and height H, bonded between two rigid
 * platens that close by a uniform Δ, meshed with C3D20R elements. One eighth is modelled: the two
 * vertical symmetry planes and the mid-height plane (where w = −Δ/2 and the shear vanishes).
 * Results per run: the total platen force and the platen normal stress σzz along the centre line
 * y = 0 (nodal stress as CalculiX extrapolates it), both normalised by E·Δ/H, so the numbers hold
 * for any modulus and any Δ in linear elasticity.
 *
 *   npx tsx test/reference/cellConfinement.ts ccx       # runs ccx (about a minute on 2 cores),
 *                                                       # writes test/reference/cellConfinement.json
 *   npx tsx test/reference/cellConfinement.ts compare   # stackpress against the json: the tables of
 *                                                       # test/reference/cellConfinement.md
 *
 * Needs `ccx` on the PATH (Debian: apt-get install calculix-ccx). The decks go to a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseInput } from '../../src/case/schema';
import { solveCase } from '../../src/solveCase';

/** Footprint [mm]: square, so one centre line stands for both. */
export const W = 40;
export const D = 40;
/** The block heights as H/W. */
export const ASPECTS = [0.05, 0.1, 0.2];
export const POISSONS = [0.3, 0.2, 0.4];
/** Mesh level of the tabulated runs; the refinement study runs levels 0–2 at ν = 0.3. */
export const LEVEL = 2;

export interface CcxRun {
  poisson: number;
  /** H/W [-] */
  aspect: number;
  /** block height H [mm] */
  height: number;
  level: number;
  elements: number;
  nodes: number;
  /** total platen force / (E·Δ/H · W·D) [-]: the effective modulus over E */
  force: number;
  /** centre line y = 0 on the platen: x [mm] from the centre, σzz/(E·Δ/H) [-] compressive positive */
  x: number[];
  p: number[];
  seconds: number;
}

/** Node positions from the centre (0) to the edge (a): size `edge` at the edge growing by `growth` up to `max`. */
function gradedAxis(a: number, edge: number, max: number, growth: number): number[] {
  const fromEdge: number[] = [0];
  let s = edge;
  while (fromEdge[fromEdge.length - 1] + s < a - 0.5 * Math.min(s, max)) {
    fromEdge.push(fromEdge[fromEdge.length - 1] + s);
    s = Math.min(max, s * growth);
  }
  // stretch the last gap so the axis ends exactly at the centre
  fromEdge.push(a);
  return fromEdge.map((d) => a - d).reverse();
}

/** The C3D20R deck of one eighth of the block, with node coordinates for reading the results back. */
function deck(poisson: number, H: number, level: number) {
  const edge = H / (4 * 2 ** level);
  const xs = gradedAxis(W / 2, edge, H, 1.3);
  const ys = gradedAxis(D / 2, edge, H, 1.3);
  const nz = 2 * 2 ** level;
  const zs = Array.from({ length: nz + 1 }, (_, k) => H / 2 + ((H / 2) * k) / nz);
  // quadratic lattice: midpoints between the element lines
  const lattice = (a: number[]) => a.flatMap((v, i) => (i === 0 ? [v] : [(a[i - 1] + v) / 2, v]));
  const X = lattice(xs);
  const Y = lattice(ys);
  const Z = lattice(zs);
  const id = new Map<string, number>();
  const lines: string[] = ['*HEADING', `bonded block nu=${poisson} H=${H} level=${level}`, '*NODE'];
  const coords = new Map<number, [number, number, number]>();
  for (let k = 0; k < Z.length; k++)
    for (let j = 0; j < Y.length; j++)
      for (let i = 0; i < X.length; i++) {
        if ((i % 2) + (j % 2) + (k % 2) > 1) continue; // C3D20 has no face or body centre nodes
        const n = id.size + 1;
        id.set(`${i},${j},${k}`, n);
        coords.set(n, [X[i], Y[j], Z[k]]);
        lines.push(`${n}, ${X[i]}, ${Y[j]}, ${Z[k]}`);
      }
  const node = (i: number, j: number, k: number) => {
    const n = id.get(`${i},${j},${k}`);
    if (n === undefined) throw new Error(`no node ${i},${j},${k}`);
    return n;
  };
  lines.push('*ELEMENT, TYPE=C3D20R, ELSET=EALL');
  let ne = 0;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ys.length - 1; j++)
      for (let i = 0; i < xs.length - 1; i++) {
        const [a, b, c] = [2 * i, 2 * j, 2 * k];
        const corner = [
          [0, 0, 0],
          [2, 0, 0],
          [2, 2, 0],
          [0, 2, 0],
          [0, 0, 2],
          [2, 0, 2],
          [2, 2, 2],
          [0, 2, 2],
        ];
        const mid = [
          [1, 0, 0],
          [2, 1, 0],
          [1, 2, 0],
          [0, 1, 0],
          [1, 0, 2],
          [2, 1, 2],
          [1, 2, 2],
          [0, 1, 2],
          [0, 0, 1],
          [2, 0, 1],
          [2, 2, 1],
          [0, 2, 1],
        ];
        const n = [...corner, ...mid].map(([di, dj, dk]) => node(a + di, b + dj, c + dk));
        ne++;
        lines.push(`${ne}, ${n.slice(0, 15).join(', ')},`, `${n.slice(15).join(', ')}`);
      }
  const set = (name: string, pick: (i: number, j: number, k: number) => boolean) => {
    const members: number[] = [];
    for (const [key, n] of id) {
      const [i, j, k] = key.split(',').map(Number);
      if (pick(i, j, k)) members.push(n);
    }
    lines.push(`*NSET, NSET=${name}`);
    for (let s = 0; s < members.length; s += 12) lines.push(`${members.slice(s, s + 12).join(', ')},`);
  };
  const top = Z.length - 1;
  set('NTOP', (_i, _j, k) => k === top);
  set('NMID', (_i, _j, k) => k === 0);
  set('NSX', (i) => i === 0);
  set('NSY', (_i, j) => j === 0);
  const closure = 0.01 * H; // Δ; linear, so only Δ/H matters
  lines.push(
    '*MATERIAL, NAME=CELL',
    '*ELASTIC',
    `1.0, ${poisson}`,
    '*SOLID SECTION, ELSET=EALL, MATERIAL=CELL',
    '*STEP',
    '*STATIC',
    '*BOUNDARY',
    'NTOP, 1, 2, 0.0',
    `NTOP, 3, 3, ${-closure / 2}`,
    'NMID, 3, 3, 0.0',
    'NSX, 1, 1, 0.0',
    'NSY, 2, 2, 0.0',
    '*NODE PRINT, NSET=NTOP, TOTALS=ONLY',
    'RF',
    '*EL FILE',
    'S',
    '*END STEP',
  );
  // the centre line y = 0 on the platen, every lattice node along x
  const centreLine = X.map((_, i) => node(i, 0, top));
  return { text: `${lines.join('\n')}\n`, coords, centreLine, elements: ne, closure };
}

/** σzz at the given nodes from an ASCII .frd (the last STRESS block). */
function readSzz(frd: string, want: Set<number>): Map<number, number> {
  const out = new Map<number, number>();
  const lines = frd.split('\n');
  let inStress = false;
  for (const line of lines) {
    if (line.startsWith(' -4')) inStress = line.includes('STRESS');
    else if (line.startsWith(' -3')) inStress = false;
    else if (inStress && line.startsWith(' -1')) {
      const n = Number(line.slice(3, 13));
      if (want.has(n)) out.set(n, Number(line.slice(13 + 24, 13 + 36)));
    }
  }
  return out;
}

/** Total platen reaction along z from the .dat (TOTALS=ONLY). */
function readForce(dat: string): number {
  const at = dat.indexOf('total force');
  if (at < 0) throw new Error('no total force in the .dat');
  const nums = dat.slice(at).split('\n').slice(1).join(' ').trim().split(/\s+/).slice(0, 3).map(Number);
  return nums[2];
}

/** Run one case through ccx and return its normalised numbers. */
export function runCcx(poisson: number, aspect: number, level: number, dir: string): CcxRun {
  const H = aspect * W;
  const d = deck(poisson, H, level);
  const job = `block_nu${poisson}_a${aspect}_l${level}`.replace(/\./g, 'p');
  writeFileSync(join(dir, `${job}.inp`), d.text);
  const t0 = performance.now();
  execFileSync('ccx', ['-i', job], {
    cwd: dir,
    env: { ...process.env, OMP_NUM_THREADS: '2' },
    stdio: 'pipe',
  });
  const seconds = (performance.now() - t0) / 1000;
  const scale = d.closure / H; // E = 1
  const fz = readForce(readFileSync(join(dir, `${job}.dat`), 'utf8'));
  // one quarter of the footprint; the platen pushes down on the block, so the reaction is +z
  const force = (4 * Math.abs(fz)) / (scale * W * D);
  const szz = readSzz(readFileSync(join(dir, `${job}.frd`), 'utf8'), new Set(d.centreLine));
  const x = d.centreLine.map((n) => d.coords.get(n)![0]);
  const p = d.centreLine.map((n) => -szz.get(n)! / scale);
  return {
    poisson,
    aspect,
    height: H,
    level,
    elements: d.elements,
    nodes: d.coords.size,
    force,
    x: x.map((v) => +v.toFixed(6)),
    p: p.map((v) => +v.toFixed(6)),
    seconds: +seconds.toFixed(2),
  };
}

function runAll(): void {
  const dir = mkdtempSync(join(tmpdir(), 'stackpress-ccx-'));
  const runs: CcxRun[] = [];
  try {
    for (const level of [0, 1]) {
      runs.push(runCcx(0.3, 0.1, level, dir));
      console.log(`refinement level ${level}: force ${runs[runs.length - 1].force}`);
    }
    for (const poisson of POISSONS)
      for (const aspect of ASPECTS) {
        const r = runCcx(poisson, aspect, LEVEL, dir);
        runs.push(r);
        console.log(`nu ${poisson} H/W ${aspect}: force ${r.force} (${r.elements} elements, ${r.seconds} s)`);
      }
    const level3 = runCcx(0.3, 0.1, LEVEL + 1, dir);
    runs.push(level3);
    console.log(`refinement level ${LEVEL + 1}: force ${level3.force} (${level3.seconds} s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out = {
    what: 'bonded isotropic block between rigid platens, CalculiX C3D20R, one eighth by symmetry',
    units:
      'x [mm] from the footprint centre; force = F/(E·Δ/H·W·D) [-]; p = σzz/(E·Δ/H) [-] on the platen along y = 0',
    footprint: { width: W, depth: D },
    ccx: 'CalculiX 2.20',
    runs,
  };
  const file = new URL('./cellConfinement.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  // the repository's JSON style, so a rerun diffs only where the numbers changed
  execFileSync('npx', ['biome', 'format', '--write', file.pathname], { stdio: 'inherit' });
}

/** Modulus of the cells in the stackpress cases [MPa]: soft beside the plate, so the plate stays flat. */
const CELL_MODULUS = 10;

/**
 * The same block in stackpress: `count` cells of H/count on a rigid base under a 50 mm plate of
 * the stiffest material the schema takes, four M3 bolts outside the footprint, mesh `size` [mm].
 * The load gives about 1 % strain. `confinement` as in stack.cells.confinement (undefined: none).
 */
export function blockCase(
  aspect: number,
  size: number,
  confinement?: CaseInput['stack']['cells']['confinement'],
  count = 4,
): CaseInput {
  const H = aspect * W;
  const L = W + 20;
  const e = 5;
  return {
    name: `bonded block H/W ${aspect}`,
    plates: {
      Lx: L,
      Ly: L,
      top: { thickness: 50, material: { E: 1.2e6, nu: 0.3, density: 7800, yield: 5000 } },
      bottom: { rigid: true },
    },
    stack: {
      footprint: { width: W, depth: D },
      cells: { count, thickness: H / count, law: { type: 'linear', modulus: CELL_MODULUS }, confinement },
    },
    bolts: {
      diameter: 3,
      positions: [
        { x: e, y: e },
        { x: L - e, y: e },
        { x: L - e, y: L - e },
        { x: e, y: L - e },
      ],
      preload: { force: (0.01 * CELL_MODULUS * W * D) / 4 },
    },
    mesh: { size },
  };
}

export interface StackpressRun {
  /** F/(E·c̄/H·W·D) [-], c̄ the area-mean closure */
  force: number;
  /** centre line y = 0 from the centre to the edge: x [mm], p/(E·c̄/H) [-] */
  x: number[];
  p: number[];
  /** (largest − least closure)/mean over the footprint [-]: how flat the plate stayed */
  closureSpread: number;
  points: number;
  laws: number;
}

/** Solve a block case and normalise its cell pressure as the CalculiX numbers are. */
export function runStackpress(c: CaseInput): StackpressRun {
  const r = solveCase(c);
  const { model, loadUp } = r.fields;
  const itf = model.problem.interfaces[0];
  const p = loadUp.pressure[0];
  const cl = loadUp.closure[0];
  let area = 0;
  let cSum = 0;
  let cMin = Infinity;
  let cMax = -Infinity;
  for (let j = 0; j < p.length; j++) {
    area += itf.area[j];
    cSum += itf.area[j] * cl[j];
    cMin = Math.min(cMin, cl[j]);
    cMax = Math.max(cMax, cl[j]);
  }
  const cMean = cSum / area;
  const H = c.stack.cells.count * c.stack.cells.thickness;
  const scale = (CELL_MODULUS * cMean) / H;
  const fp = model.footprint;
  const cx = (fp.x0 + fp.x1) / 2;
  const cy = (fp.y0 + fp.y1) / 2;
  const nodes = model.mesh.nodes;
  const line: [number, number][] = [];
  for (let j = 0; j < p.length; j++) {
    const x = nodes[2 * itf.node[j]] - cx;
    const y = nodes[2 * itf.node[j] + 1] - cy;
    if (Math.abs(y) < 1e-9 && x > -1e-9) line.push([x, p[j] / scale]);
  }
  line.sort((a, b) => a[0] - b[0]);
  return {
    force: r.balance.contactForce / (scale * W * D),
    x: line.map(([x]) => x),
    p: line.map(([, v]) => v),
    closureSpread: (cMax - cMin) / cMean,
    points: p.length,
    laws: model.problem.laws.length,
  };
}

/** Points at least FAR·H from the footprint edge are compared pointwise; nearer, the bonded corner's singularity and the dip before it. */
export const FAR = 0.75;

/** Linear interpolation of (xs, ys) at x (xs increasing). */
export function interpolate(xs: number[], ys: number[], x: number): number {
  let i = 1;
  while (i < xs.length - 1 && xs[i] < x) i++;
  const t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
  return ys[i - 1] + t * (ys[i] - ys[i - 1]);
}

/** The comparison tables of the .md: every reference run at mesh 1 mm, and a mesh study at ν = 0.3, H/W = 0.1. */
function compareAll(): void {
  const ref = JSON.parse(readFileSync(new URL('./cellConfinement.json', import.meta.url), 'utf8')) as {
    runs: CcxRun[];
  };
  // the reference itself: mesh refinement, then every run, p at a few distances d from the edge
  const ds = [0.25, 0.5, 0.75, 1, 1.5, 2];
  const at = (r: CcxRun) => ds.map((d) => interpolate(r.x, r.p, W / 2 - d * r.height).toFixed(4)).join(' | ');
  const head = ds.map((d) => `p at d = ${d} H`).join(' | ');
  console.log(`| level | elements | nodes | force | ${head} | ccx [s] |`);
  console.log(`|---|---|---|---|${ds.map(() => '---|').join('')}---|`);
  for (const r of ref.runs
    .filter((q) => q.poisson === 0.3 && q.aspect === 0.1)
    .sort((a, b) => a.level - b.level))
    console.log(
      `| ${r.level} | ${r.elements} | ${r.nodes} | ${r.force.toFixed(5)} | ${at(r)} | ${r.seconds} |`,
    );
  console.log(`\n| ν | H/W | force | p centre | ${head} |`);
  console.log(`|---|---|---|---|${ds.map(() => '---|').join('')}`);
  for (const r of ref.runs.filter((q) => q.level === LEVEL))
    console.log(`| ${r.poisson} | ${r.aspect} | ${r.force.toFixed(4)} | ${r.p[0].toFixed(4)} | ${at(r)} |`);
  console.log('');
  const line = (r: CcxRun, s: StackpressRun, size: number) => {
    const centre = r.p[0];
    let worstFar = 0;
    let worstNear = 0;
    for (let i = 0; i < s.x.length; i++) {
      const d = W / 2 - s.x[i];
      const err = Math.abs(s.p[i] - interpolate(r.x, r.p, s.x[i])) / centre;
      if (d >= FAR * r.height) worstFar = Math.max(worstFar, err);
      else if (d > 1e-9) worstNear = Math.max(worstNear, err);
    }
    const none = runStackpress(blockCase(r.aspect, size)).force;
    return `| ${r.poisson} | ${r.aspect} | ${size} | ${r.force.toFixed(4)} | ${s.force.toFixed(4)} | ${(100 * (s.force / r.force - 1)).toFixed(2)} % | ${(100 * (none / r.force - 1)).toFixed(1)} % | ${(100 * worstFar).toFixed(1)} % | ${(100 * worstNear).toFixed(1)} % | ${s.laws} | ${s.closureSpread.toExponential(1)} |`;
  };
  console.log(
    '| ν | H/W | mesh [mm] | ccx force | stackpress force | error | error without correction | worst point ≥ 0.75 H from the edge | worst point 0 < d < 0.75 H | laws | closure spread |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of ref.runs.filter((q) => q.level === LEVEL)) {
    const size = 1;
    const s = runStackpress(
      blockCase(r.aspect, size, { type: 'bonded', poisson: r.poisson, layer: 'stack' }),
    );
    console.log(line(r, s, size));
  }
  const r = ref.runs.find((q) => q.level === LEVEL && q.poisson === 0.3 && q.aspect === 0.1)!;
  for (const size of [2, 1, 0.5]) {
    const s = runStackpress(blockCase(0.1, size, { type: 'bonded', poisson: 0.3, layer: 'stack' }));
    console.log(line(r, s, size));
  }
}

if (process.argv[2] === 'ccx') runAll();
if (process.argv[2] === 'compare') compareAll();
