import type { Case, CaseInput, Flatness, TolerancesCase } from '../case/schema';
import { preloadFactors } from '../model/boltMembers';
import { seededRandom } from '../model/seededRandom';
import { surfaceHeight } from '../model/surfaceHeight';
import { DRAW_STREAMS, drawSeed, streamSeed } from './drawSeed';

/**
 * One draw of a study as a complete case: explicit preload factors, random flatness with the
 * draw's seed, a measured map with its noise added, thicknesses offset. Any path that solves a
 * case (solveCase, the batch pool, the queue, `stackpress solve`) solves it, alone or in a study.
 */
export interface DrawnCase {
  /** 0-based */
  index: number;
  /** the draw's 32-bit seed, from (study seed, index) */
  seed: number;
  /** the case to solve, without a `tolerances` block */
  input: CaseInput;
  /** what was drawn, for the record: preload factors [-], flatness seeds, thickness offsets [mm] */
  inputs: Record<string, number | number[]>;
}

/** The least thickness the case schema allows a pad or a cell [mm]. */
const leastThickness = 0.01;
/** A thickness offset is cut at this many standard deviations. */
const thicknessCut = 3;
/** Redraws of a thickness offset before giving up; each is accepted with probability ≥ 0.49. */
const maxThicknessTries = 1000;

/**
 * The preload scatter a study redraws per draw: the block's, else the case's own uniform or
 * normal scatter; null when the case has explicit factors or none (kept in every draw).
 */
export function studyPreload(
  c: Case,
  t: TolerancesCase,
): { type: 'uniform'; halfRange: number } | { type: 'normal'; cov: number } | null {
  if (t.preload) return t.preload;
  const s = c.bolts.scatter;
  if (s.type === 'uniform') return { type: 'uniform', halfRange: s.halfRange };
  if (s.type === 'normal') return { type: 'normal', cov: s.cov };
  return null;
}

/** The case without its study block, deep-copied so a draw can change it. */
function baseCase(c: Case): Case {
  const { tolerances: _study, ...rest } = c;
  return structuredClone(rest) as Case;
}

/**
 * The offset of a thickness [mm]: normal with standard deviation `sd`, cut at ±3 sd and so that
 * `nominal + offset` stays at or above the schema's least thickness (0.01 mm), both by redrawing
 * (the distribution is the normal conditioned on both). With nominal ≥ 0.01 mm every offset in
 * [0, 3 sd] is accepted, so a redraw is needed with probability at most 0.51.
 */
export function thicknessOffset(nominal: number, sd: number, seed: number): number {
  if (sd === 0) return 0;
  const rnd = seededRandom(seed);
  for (let k = 0; k < maxThicknessTries; k++) {
    const z = rnd.normal();
    const offset = sd * z;
    if (Math.abs(z) <= thicknessCut && nominal + offset >= leastThickness) return offset;
  }
  throw new Error(
    `thickness offset: no draw of N(0, ${sd}² mm²) kept ${nominal} mm above ${leastThickness} mm`,
  );
}

/** A measured map with a Gaussian random field added [µm], drawn from `seed` on the map's own points. */
function noisyMap(
  f: Extract<Flatness, { type: 'map' }>,
  noise: NonNullable<TolerancesCase['flatness']['mapNoise']>,
  seed: number,
  c: Case,
): Flatness {
  const grid = f.grid;
  if (!grid) throw new Error('flatness map: no grid (the case loader reads its file first)');
  const nx = grid.x.length;
  const xy = new Float64Array(2 * nx * grid.y.length);
  grid.y.forEach((y, j) => {
    grid.x.forEach((x, i) => {
      xy[2 * (j * nx + i)] = x;
      xy[2 * (j * nx + i) + 1] = y;
    });
  });
  // surfaceHeight returns mm with the RMS exact over the given points: here the map's points
  const h = surfaceHeight(
    { type: 'random', rms: noise.rms, correlationLength: noise.correlationLength, seed },
    xy,
    c.plates.Lx,
    c.plates.Ly,
  );
  return {
    ...f,
    grid: { ...grid, values: grid.values.map((row, j) => row.map((v, i) => v + 1e3 * h[j * nx + i])) },
  };
}

/**
 * Draw `index` of the study `t` of the checked case `c`: a pure function of (t.seed, index), so
 * draw i is the same whatever the number of draws and wherever it is solved.
 */
export function drawCase(c: Case, t: TolerancesCase, index: number): DrawnCase {
  const seed = drawSeed(t.seed, index);
  const inputs: Record<string, number | number[]> = {};
  // shallow copies of what a draw changes; the rest (a measured map without noise, say) is
  // shared with the case, so a draw costs memory in proportion to what it draws
  const { tolerances: _study, ...rest } = c;
  const d: Case = {
    ...rest,
    name: `${c.name ?? 'case'}-draw-${index}`,
    bolts: { ...c.bolts },
    plates: { ...c.plates, top: { ...c.plates.top }, bottom: { ...c.plates.bottom } },
    stack: { ...c.stack, cells: { ...c.stack.cells } },
    gaskets: c.gaskets.map((g) => ({ ...g })),
  };

  const preload = studyPreload(c, t);
  if (preload) {
    const s = streamSeed(seed, DRAW_STREAMS.preload);
    // the case's own formulas for its scatter, with the draw's seed
    const factors = preloadFactors({ ...d, bolts: { ...d.bolts, scatter: { ...preload, seed: s } } });
    d.bolts.scatter = { type: 'factors', factors };
    inputs.preloadFactors = factors;
  }

  const faces = [
    ['top', DRAW_STREAMS.topFlatness, DRAW_STREAMS.topMapNoise],
    ['bottom', DRAW_STREAMS.bottomFlatness, DRAW_STREAMS.bottomMapNoise],
  ] as const;
  for (const [face, flatnessStream, noiseStream] of faces) {
    const plate = d.plates[face];
    const f = plate.flatness;
    if (f.type === 'random' && t.flatness.redrawRandom) {
      const s = streamSeed(seed, flatnessStream);
      plate.flatness = { ...f, seed: s };
      inputs[`${face}FlatnessSeed`] = s;
    } else if (f.type === 'map' && t.flatness.mapNoise) {
      const s = streamSeed(seed, noiseStream);
      plate.flatness = noisyMap(f, t.flatness.mapNoise, s, c);
      inputs[`${face}MapNoiseSeed`] = s;
    }
  }

  if (t.cellThickness) {
    const cells = d.stack.cells;
    const offset = thicknessOffset(
      cells.thickness,
      t.cellThickness.sd,
      streamSeed(seed, DRAW_STREAMS.cellThickness),
    );
    cells.thickness += offset;
    inputs.cellThicknessOffset = offset;
  }
  if (t.padThickness) {
    const sd = t.padThickness.sd;
    inputs.padThicknessOffsets = d.gaskets.map((g, i) => {
      const offset = thicknessOffset(g.thickness, sd, streamSeed(seed, DRAW_STREAMS.padThickness + i));
      g.thickness += offset;
      return offset;
    });
  }
  return { index, seed, input: d as CaseInput, inputs };
}

/**
 * The case of the mean inputs: no preload scatter where the study draws it (every factor's mean
 * is 1), no random flatness where the study redraws it (a Gaussian field's mean is zero), the
 * measured maps without noise, nominal thicknesses. With linear laws in full contact the map is
 * linear in these inputs, so the mean of the draws' maps converges to this case's map.
 */
export function meanInputCase(c: Case, t: TolerancesCase): CaseInput {
  const d = baseCase(c);
  d.name = `${c.name ?? 'case'}-mean-inputs`;
  if (studyPreload(c, t)) d.bolts.scatter = { type: 'none' };
  if (t.flatness.redrawRandom)
    for (const face of ['top', 'bottom'] as const)
      if (d.plates[face].flatness.type === 'random') d.plates[face].flatness = { type: 'none' };
  return d as CaseInput;
}
