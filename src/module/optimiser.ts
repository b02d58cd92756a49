import { z } from 'zod';
import { plateMaterials } from '../case/materials';
import { quantity } from '../case/quantity';
import { parseInput } from '../validation/parseInput';
import { evaluateFullModule } from './fullMode';
import type { FullModuleInput } from './fullSchema';
import type { ModuleResult } from './result';

const plateNames = Object.keys(plateMaterials) as [
  keyof typeof plateMaterials,
  ...(keyof typeof plateMaterials)[],
];

/** What the optimiser may change and the limits it must respect. */
export const optimiserSchema = z
  .object({
    objective: z
      .enum(['mass', 'volume'])
      .default('mass')
      .meta({ description: 'maximise efficiency by mass or by volume' }),
    aspects: z
      .array(quantity('', 'footprint aspect ratio long/short', { gte: 1, lte: 20 }))
      .min(1)
      // each aspect costs a few hundred designs per material
      .max(100)
      .default([1, 1.25, 1.5, 2, 2.5, 3, 4, 5]),
    materials: z
      .array(z.enum(plateNames))
      .min(1)
      .max(plateNames.length)
      .default(['carbon-steel', 'al-6061-t6', 'ti-6al-4v']),
    maxModules: quantity('', 'most modules to consider', { int: true, gte: 1, lte: 200 }).default(12),
    maxStackHeightMm: quantity('mm', 'tallest stack per module', { gt: 0 }).default(400),
    // the same bound as the footprint fields of the module inputs
    minShortSideMm: quantity('mm', 'smallest cell footprint side (cell format)', {
      gt: 0,
      lte: 5000,
    }).default(80),
    maxLongSideMm: quantity('mm', 'largest cell footprint side (cell format)', { gt: 0, lte: 5000 }).default(
      600,
    ),
  })
  .strict();

export type OptimiserInput = z.input<typeof optimiserSchema>;

/** How close the chosen design is to each limit; ≥ 1 means within it. */
export interface DesignMargins {
  /** allowed / actual plate deflection */
  deflection: number;
  /** allowable / actual plate stress (Infinity without stress check) */
  stress: number;
  /** bolt capacity / pressure × footprint */
  bolts: number;
  /** max / actual stack height */
  stackHeight: number;
}

export interface OptimisedDesign {
  objective: 'mass' | 'volume';
  aspect: number;
  plateMaterial: string;
  footprintWidthMm: number;
  footprintLengthMm: number;
  result: ModuleResult;
  margins: DesignMargins;
  /** designs evaluated */
  evaluated: number;
}

/** Relative step of the short-side scan [-]. */
const SCAN_STEP = 0.01;
/** Most scanned short sides per aspect and material: a wider range is scanned in coarser steps. */
const MAX_SCAN_POINTS = 400;
/** Golden-section steps refining the best scanned footprint: the bracket shrinks to 0.618^30 ≈ 5e-7 of it. */
const REFINE_STEPS = 30;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Search over footprint aspect × short side × plate material; the module count follows from the
 * stack-height limit, and plate thickness and bolts from the full-mode sizing. For each aspect and
 * material the short side is scanned from minShortSideMm to maxLongSideMm / aspect in 1 % steps, plus
 * each footprint at which one module fewer suffices (the efficiency jumps up there), and the best is
 * refined by golden-section search between its neighbours. Within one module count a larger footprint
 * means shorter stacks but larger, thicker plates: by mass the smallest footprint wins, by volume an
 * interior one can (shorter tie rods and spring columns), so the whole range is searched.
 */
export function optimiseModule(base: FullModuleInput, rawLimits: OptimiserInput = {}): OptimisedDesign {
  const lim = parseInput(optimiserSchema, rawLimits, 'optimiser limits');
  const probe = evaluateFullModule({ ...base, maxStackHeightMm: Number.MAX_VALUE });
  const cellVolumeMm3 = probe.stack.cellVolumeL * 1e6;
  const key = lim.objective === 'mass' ? 'massEfficiency' : 'volumeEfficiency';
  // written by `score` as it goes, so every design tried (scan and refinement) can win
  const found: { best?: OptimisedDesign } = {};
  let evaluated = 0;
  for (const aspect of lim.aspects) {
    const bMin = lim.minShortSideMm;
    const bMax = lim.maxLongSideMm / aspect;
    if (bMax < bMin) continue;
    for (const material of lim.materials) {
      /** Efficiency of the footprint b × aspect·b [mm]; −∞ when infeasible or over maxModules. */
      const score = (b: number): number => {
        const result = evaluateFullModule({
          ...base,
          footprintWidthMm: b,
          footprintLengthMm: aspect * b,
          plateMaterial: material,
          maxStackHeightMm: lim.maxStackHeightMm,
        });
        evaluated++;
        if (!result.feasible || result.stack.moduleCount > lim.maxModules) return Number.NEGATIVE_INFINITY;
        if (!found.best || result[key] > found.best.result[key]) {
          found.best = {
            objective: lim.objective,
            aspect,
            plateMaterial: material,
            footprintWidthMm: b,
            footprintLengthMm: aspect * b,
            result,
            margins: margins(result, lim.maxStackHeightMm),
            evaluated: 0,
          };
        }
        return result[key];
      };
      const sides = shortSides(bMin, bMax, aspect, cellVolumeMm3, lim.maxStackHeightMm, lim.maxModules);
      const scores = sides.map(score);
      let k = 0;
      for (let i = 1; i < sides.length; i++) if (scores[i] > scores[k]) k = i;
      if (Number.isFinite(scores[k]))
        refine(score, sides[Math.max(0, k - 1)], sides[Math.min(sides.length - 1, k + 1)]);
    }
  }
  if (!found.best)
    throw new Error('optimiser: no feasible design within the limits; relax maxLongSideMm or maxModules');
  return { ...found.best, evaluated };
}

/**
 * Short sides [mm] to scan, ascending: bMin to bMax in equal ratios of at most 1 + SCAN_STEP (coarser
 * beyond MAX_SCAN_POINTS), and for each module
 * count n the smallest short side whose stack fits in n modules (just above it, so cellStack does
 * not round up to n + 1).
 */
function shortSides(
  bMin: number,
  bMax: number,
  aspect: number,
  cellVolumeMm3: number,
  maxStackHeightMm: number,
  maxModules: number,
): number[] {
  const steps = Math.min(MAX_SCAN_POINTS, Math.ceil(Math.log(bMax / bMin) / Math.log(1 + SCAN_STEP)));
  const sides = [bMax];
  for (let i = 0; i < steps; i++) sides.push(bMin * (bMax / bMin) ** (i / steps));
  for (let n = 1; n <= maxModules; n++) {
    const b = Math.sqrt(cellVolumeMm3 / (n * maxStackHeightMm) / aspect) * (1 + 1e-9);
    if (b > bMin && b < bMax) sides.push(b);
  }
  return sides.sort((x, y) => x - y);
}

/** Golden-section search for the largest score on [lo, hi]; every point it tries is scored (and kept if best). */
function refine(score: (b: number) => number, lo: number, hi: number): void {
  let a = lo;
  let b = hi;
  let x1 = b - GOLDEN * (b - a);
  let x2 = a + GOLDEN * (b - a);
  let f1 = score(x1);
  let f2 = score(x2);
  for (let i = 0; i < REFINE_STEPS; i++) {
    if (f1 >= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - GOLDEN * (b - a);
      f1 = score(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + GOLDEN * (b - a);
      f2 = score(x2);
    }
  }
}

function margins(r: ModuleResult, maxStackHeightMm: number): DesignMargins {
  return {
    deflection: r.plate.allowedDeflectionMm / r.plate.deflectionMm,
    stress: r.plate.allowableStressMPa / r.plate.stressMPa,
    bolts: r.fasteners?.margin ?? Number.POSITIVE_INFINITY,
    stackHeight: maxStackHeightMm / r.stack.stackHeightMm,
  };
}
