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
      .default([1, 1.25, 1.5, 2, 2.5, 3, 4, 5]),
    materials: z.array(z.enum(plateNames)).min(1).default(['carbon-steel', 'al-6061-t6', 'ti-6al-4v']),
    maxModules: quantity('', 'most modules to consider', { int: true, gte: 1, lte: 200 }).default(12),
    maxStackHeightMm: quantity('mm', 'tallest stack per module', { gt: 0 }).default(400),
    minShortSideMm: quantity('mm', 'smallest cell footprint side (cell format)', { gt: 0 }).default(80),
    maxLongSideMm: quantity('mm', 'largest cell footprint side (cell format)', { gt: 0 }).default(600),
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

/**
 * Grid search over footprint aspect × module count × plate material; plate thickness and bolts follow from
 * the full-mode sizing. For each module count the footprint is the smallest that keeps the stack within
 * maxStackHeightMm (taller stacks mean smaller, thinner plates), bounded by the cell-format sides.
 */
export function optimiseModule(base: FullModuleInput, rawLimits: OptimiserInput = {}): OptimisedDesign {
  const lim = parseInput(optimiserSchema, rawLimits, 'optimiser limits');
  const probe = evaluateFullModule({ ...base, maxStackHeightMm: Number.MAX_VALUE });
  const cellVolumeMm3 = probe.stack.cellVolumeL * 1e6;
  const key = lim.objective === 'mass' ? 'massEfficiency' : 'volumeEfficiency';
  let best: OptimisedDesign | undefined;
  let evaluated = 0;
  for (const aspect of lim.aspects)
    for (let n = 1; n <= lim.maxModules; n++) {
      const area = cellVolumeMm3 / (n * lim.maxStackHeightMm);
      const b = Math.max(lim.minShortSideMm, Math.sqrt(area / aspect));
      const a = aspect * b;
      if (a > lim.maxLongSideMm) continue;
      const height = cellVolumeMm3 / (n * a * b);
      for (const material of lim.materials) {
        const result = evaluateFullModule({
          ...base,
          footprintWidthMm: b,
          footprintLengthMm: a,
          plateMaterial: material,
          // Just above this module's stack height, so cellStack splits into exactly n modules.
          maxStackHeightMm: height * (1 + 1e-9),
        });
        evaluated++;
        if (!result.feasible) continue;
        if (!best || result[key] > best.result[key]) {
          best = {
            objective: lim.objective,
            aspect,
            plateMaterial: material,
            footprintWidthMm: b,
            footprintLengthMm: a,
            result,
            margins: margins(result, lim.maxStackHeightMm),
            evaluated: 0,
          };
        }
      }
    }
  if (!best)
    throw new Error('optimiser: no feasible design within the limits; relax maxLongSideMm or maxModules');
  return { ...best, evaluated };
}

function margins(r: ModuleResult, maxStackHeightMm: number): DesignMargins {
  return {
    deflection: r.plate.allowedDeflectionMm / r.plate.deflectionMm,
    stress: r.plate.allowableStressMPa / r.plate.stressMPa,
    bolts: r.fasteners?.margin ?? Number.POSITIVE_INFINITY,
    stackHeight: maxStackHeightMm / r.stack.stackHeightMm,
  };
}
