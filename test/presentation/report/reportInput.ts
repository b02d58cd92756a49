import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Case, caseSchema } from '../../../src/case/schema';
import type { DesignReportInput } from '../../../src/presentation/report/designReport';
import type { ResultFields } from '../../../src/presentation/resultFields';
import type { CaseSummary } from '../../../src/solveCase';

/**
 * A hand-made report input: the default case (eight M8 10.9 bolts, four 10 kN/mm springs with
 * 0.9 mm travel each), a summary whose numbers are chosen so that each formats to a known text,
 * and fields of two plates over one interface, without maps (the builder draws no map itself).
 */

const repo = join(import.meta.dirname, '../../..');

export function defaultCase(edit: (raw: Record<string, unknown>) => void = () => {}): Case {
  const raw = JSON.parse(readFileSync(join(repo, 'cases/default.json'), 'utf8'));
  edit(raw);
  return caseSchema.parse(raw);
}

const stats = (mean: number) => ({
  mean,
  min: 4.0531,
  max: 6.3544,
  std: 0.46412,
  cov: 0.092694,
  maxOverMean: 1.26906,
  p5: 4.23149,
  p95: 5.78712,
  contactFraction: 0.99973,
  within10: 0.69441,
  force: 50067.2,
  area: 10000,
});

export function handSummary(swells = true): CaseSummary {
  const forces = [6437.4, 6133.2, 6395.1, 6386.0, 6114.4, 6211.3, 6123.0, 6269.1];
  const after = [6705.2, 6405.1, 6663.3, 6658.0, 6382.2, 6483.4, 6391.0, 6541.2];
  return {
    schema: 'stackpress.result/2',
    name: 'default',
    units: { length: 'mm', force: 'N', pressure: 'MPa', stress: 'MPa', fractions: '-' },
    warnings: [],
    history: null,
    pressure: stats(5.00712),
    bolts: forces.map((force, i) => ({
      x: [12.5, 75, 137.5, 137.5, 137.5, 75, 12.5, 12.5][i],
      y: [12.5, 12.5, 12.5, 75, 137.5, 137.5, 137.5, 75][i],
      force,
      forceAfterSwelling: swells ? after[i] : force,
    })),
    balance: { boltForce: 50069.5, contactForce: 50067.2, relResidual: 1.02e-12 },
    interfaces: [{ name: 'cell stack (with pads)', pressure: stats(5.00712) }],
    plates: [
      {
        name: 'top plate',
        wMax: -0.17814,
        wMin: -0.24352,
        vonMisesMax: 46.734,
        yield: 355,
        safetyFactor: 7.5962,
      },
      {
        name: 'bottom plate',
        wMax: 0.05441,
        wMin: -0.01109,
        vonMisesMax: 46.71,
        yield: 355,
        safetyFactor: 7.6001,
      },
    ],
    swelling: swells
      ? {
          pressure: stats(5.22349),
          balance: { boltForce: 52229.4, contactForce: 52226.1, relResidual: 1.24e-12 },
          interfaces: [{ name: 'cell stack (with pads)', pressure: stats(5.22349) }],
        }
      : null,
    boltStiffness: { bolt: 110338.2, springs: 2500, total: 2444.6 },
    nominalPressure: 5.00695,
    solver: {
      dofs: 37446,
      nnzL: 1546053,
      flops: 2.3e8,
      newtonIterations: 2,
      factorizations: 1,
      supportReaction: 2.41e-7,
    },
    effort: {
      seconds: 1.3804,
      phases: {
        validate: 0.0114,
        model: 0.2241,
        setup: 0.4243,
        loadUp: 0.4283,
        swelling: 0.1354,
        results: 0.1672,
      },
      factorThreads: 2,
      helperJoined: 1,
      helperSwept: 4,
      factorizationsReused: 0,
      analysesReused: 0,
      plateModelsReused: 0,
      plansReused: 0,
    },
  };
}

export function handFields(interfaceName = 'cell stack (with pads)'): ResultFields {
  const grid = {
    x0: 25,
    y0: 25,
    dx: 50,
    dy: 50,
    nx: 3,
    ny: 3,
    values: new Float64Array(9).fill(5),
    contact: new Uint8Array(9).fill(1),
  };
  // uniform 5 MPa over the 100 × 100 mm footprint, written out by hand
  const stats = {
    mean: 5,
    min: 5,
    max: 5,
    std: 0,
    cov: 0,
    maxOverMean: 1,
    p5: 5,
    p95: 5,
    contactFraction: 1,
    within10: 1,
    force: 50_000,
    area: 10_000,
  };
  const state = { pressure: new Float64Array(4), gap: new Float64Array(4), grid, stats };
  return {
    caseName: 'default',
    meshX: Float64Array.of(0, 150),
    meshY: Float64Array.of(0, 150),
    footprint: { x0: 25, y0: 25, x1: 125, y1: 125 },
    layers: [
      { name: 'top plate', thickness: 25, rigid: false },
      { name: 'bottom plate', thickness: 25, rigid: false },
    ],
    cellsPerInterface: [6],
    interfaces: [{ name: interfaceName, mask: new Uint8Array(4).fill(1), ...state, swollen: state }],
    deflection: [new Float64Array(4), new Float64Array(4)],
    deflectionSwollen: null,
    history: null,
    stack: {
      plate: { Lx: 150, Ly: 150 },
      footprint: { x0: 25, y0: 25, x1: 125, y1: 125 },
      parts: [],
      bolts: [],
      zTop: 62,
      zBottom: 0,
      topLift: 0,
      topLayer: 0,
      bottomLayer: 1,
    },
  };
}

export const svg = (label: string) =>
  `<?xml version="1.0"?><svg width="10" height="10"><text>${label}</text></svg>`;

export function handInput(over: Partial<DesignReportInput> = {}): DesignReportInput {
  return {
    summary: handSummary(),
    caseInput: defaultCase(),
    fields: handFields(),
    figures: {
      pressure: svg('pressure-load-up'),
      pressureSwollen: svg('pressure-swollen'),
      deflection: svg('deflection'),
      histogram: svg('histogram'),
    },
    generatedAt: new Date(Date.UTC(2026, 11, 2, 0, 55, 30)),
    toolVersion: '0.1.0',
    inputHash: 'c15b3f3a82737051a0f432f7811d38fb5c41e85a1492f0c85893f9748916065e',
    source: 'cases/default.json',
    ...over,
  };
}
