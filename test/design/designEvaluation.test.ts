import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SolverSession } from '../../solver/session/solverSession';
import { evaluateCell } from '../../src/cell/model';
import { namedCells } from '../../src/cell/presets';
import { type DesignEvaluation, evaluateDesign } from '../../src/design/designEvaluation';
import { designConstraintIds, designOutcome } from '../../src/design/designOutcome';
import type { DesignProblem } from '../../src/design/designProblem';
import { loadDesignSpecFile } from '../../src/design/designSpecFile';
import { baseDesignValues } from '../../src/design/designValues';
import { type CaseResult, solveCase } from '../../src/solveCase';

const casesDir = join(__dirname, '../../cases');
const defaultCase = JSON.parse(readFileSync(join(casesDir, 'default.json'), 'utf8'));

/** ISO 724 pitch diameter d2 and minor diameter d3 of a coarse thread, and the ISO 898-1 stress area [mm²]. */
function isoStressArea(d: number, pitch: number): number {
  const d2 = d - 0.649519 * pitch;
  const d3 = d - 1.226869 * pitch;
  return (Math.PI / 4) * ((d2 + d3) / 2) ** 2;
}

let problem: DesignProblem;
let session: SolverSession;
let reference: CaseResult;
let own: DesignEvaluation;

beforeAll(async () => {
  problem = await loadDesignSpecFile(join(casesDir, 'design-default.yaml'));
  session = new SolverSession();
  // the default case solved on its own, with a session of its own
  reference = solveCase(defaultCase);
  own = evaluateDesign(problem, baseDesignValues(problem), { session });
}, 240_000);

describe('evaluation of a design', () => {
  it("the default case's own design has the CoV, safety factor and mean pressures of solveCase(default.json)", () => {
    const sw = reference.swelling!;
    expect(own.objectives?.cov).toBeCloseTo(sw.pressure.cov, 10);
    const byId = new Map(own.constraints.map((m) => [m.id, m]));
    expect(byId.get('cov.loadUp')?.value).toBeCloseTo(reference.pressure.cov, 10);
    expect(byId.get('cov.swollen')?.value).toBeCloseTo(sw.pressure.cov, 10);
    const sf = Math.min(...reference.plates.map((p) => p.safetyFactor));
    expect(byId.get('safetyFactor')?.value).toBeCloseTo(sf, 8);
    expect(byId.get('safetyFactor')?.margin).toBeCloseTo(sf / 2 - 1, 8);
    expect(byId.get('meanPressure.loadUp')?.value).toBeCloseTo(reference.pressure.mean / 5 - 1, 10);
    expect(byId.get('meanPressure.swollen')?.value).toBeCloseTo(sw.pressure.mean / 5 - 1, 10);
    expect(byId.get('meanPressure.swollen')?.margin).toBeCloseTo(
      0.05 - Math.abs(sw.pressure.mean / 5 - 1),
      10,
    );
    // the largest tension over an M8 10.9's proof load: 940 MPa on the ISO stress area (pitch 1.25 mm)
    const fMax = Math.max(...reference.bolts.flatMap((b) => [b.force, b.forceAfterSwelling]));
    expect(byId.get('boltUtilisation')?.value).toBeCloseTo(fMax / (940 * isoStressArea(8, 1.25)), 3);
    // springs in series each carry the bolt's tension: 4 × 10 kN/mm, 0.9 mm of travel each
    expect(byId.get('springTravel')?.value).toBeCloseTo(fMax / 10_000 / 0.9, 10);
  });

  it('is feasible for the reference problem, and names the constraint that binds: the least margin', () => {
    expect(own.status).toBe('feasible');
    expect(own.violated).toEqual([]);
    const least = Math.min(...own.constraints.map((m) => m.margin));
    expect(own.binding?.margin).toBe(least);
    expect(least).toBeGreaterThanOrEqual(0);
    // plain JSON: survives a round trip through text unchanged
    expect(JSON.parse(JSON.stringify(own))).toEqual(own);
    const outcome = designOutcome(problem, own);
    expect('objectives' in outcome && outcome.constraints?.length).toBe(designConstraintIds(problem).length);
  });

  it('counts the inactive mass as a hand count does: plates ρ·V, bolts with nuts and washers, springs, pads', () => {
    const design = {
      ...baseDesignValues(problem),
      topThickness: 20,
      bottomThickness: 20,
      plateMaterial: 'al-7075-t6',
      padHardness: 50,
      padThickness: 2,
      springRate: 8000,
      springCount: 3,
      boltsPerEdge: 4,
      boltDiameter: 10,
    };
    const e = evaluateDesign(problem, design, { session });
    expect(e.solve).not.toBeNull();
    // plates: 150 × 150 × 20 mm of 7075-T6 at 2810 kg/m³, top and bottom
    const plates = 2 * 150 * 150 * 20 * 2810e-9;
    // 12 × M10: the grip is 2 plates + 6 cells + 2 pads = 56 mm, plus 3 springs of 3.15 mm free
    // length; the shank reaches a washer (0.15 d), a nut (0.8 d) and two pitches (0.2 d) beyond each
    // side; two hexagon nuts 1.5 d across flats with the hole out, two washers of 2 d and 1.1 d
    const d = 10;
    const shankLength = 56 + 3 * 3.15 + 2 * (0.15 + 0.8 + 0.2) * d;
    const hole = (Math.PI * d * d) / 4;
    // a regular hexagon of side a = (across flats) / √3 has area 3√3/2 · a²
    const side = (1.5 * d) / Math.sqrt(3);
    const nut = (((3 * Math.sqrt(3)) / 2) * side ** 2 - hole) * 0.8 * d;
    const washer = (Math.PI / 4) * ((2 * d) ** 2 - (1.1 * d) ** 2) * 0.15 * d;
    const bolts = 12 * (hole * shankLength + 2 * nut + 2 * washer) * 7850e-9;
    // disc springs: ½ k s² stored at solid length over η σ²/(2E) = 0.15 × 1400² / (2 × 206 000) MPa
    const energyDensity = (0.15 * 1400 ** 2) / (2 * 206_000);
    const springs = ((12 * 3 * 0.5 * 8000 * 0.9 ** 2) / energyDensity) * 7850e-9;
    // pads: 100 × 100 × 2 mm of silicone (1150 kg/m³) on both faces
    const pads = 2 * 100 * 100 * 2 * 1150e-9;
    const moduleInactive = plates + bolts + springs + pads;
    const { whPerKg, whPerL } = evaluateCell(namedCells['ncm811-li-30um-separator']).pouch;
    // 6 cells of 2 mm over 100 × 100 mm: 0.12 L per module
    const moduleWh = 0.12 * whPerL;
    const modules = Math.ceil(10_000 / moduleWh);
    expect(e.objectives?.modules).toBe(modules);
    expect(e.objectives?.inactiveMassKg).toBeCloseTo(modules * moduleInactive, 9);
    const cellKg = moduleWh / whPerKg;
    expect(e.objectives?.massEfficiency).toBeCloseTo(cellKg / (cellKg + moduleInactive), 12);
    const part = (name: string) => e.parts?.find((p) => p.part === name)?.massKg;
    expect(part('top plate')).toBeCloseTo(plates / 2, 12);
    expect(part('bolts, nuts, washers')).toBeCloseTo(bolts, 12);
    expect(part('springs')).toBeCloseTo(springs, 12);
    expect(part('pads')).toBeCloseTo(pads, 12);
    expect(e.objectiveVector?.[0]).toBe(e.objectives?.inactiveMassKg);
  }, 120_000);

  it('designs on the mesh of one solved before reuse its symbolic analysis', () => {
    // thinner plates change neither the mesh nor the bolts: the session holds the analysis
    const e = evaluateDesign(
      problem,
      { ...baseDesignValues(problem), topThickness: 30, bottomThickness: 30 },
      { session },
    );
    expect(e.solve?.analysesReused).toBeGreaterThan(0);
  }, 120_000);

  it('a design whose springs go solid at preload is infeasible with the spring constraint named, without a solve', () => {
    // 6250 N × up to 1.03 scatter on 2 kN/mm springs: 3.2 mm, against 0.9 mm of travel
    const e = evaluateDesign(problem, { ...baseDesignValues(problem), springRate: 2000 }, { session });
    expect(e.status).toBe('infeasible');
    expect(e.violated).toContain('springTravel');
    expect(e.binding?.id).toBe('springTravel');
    expect(e.binding?.state).toBe('at preload');
    expect(e.binding?.value).toBeGreaterThan(3.2 / 0.9);
    expect(e.message).toMatch(/^violates springTravel — not a case: bolts\.springs/);
    expect(e.solve).toBeNull();
    expect(e.objectiveVector).toBeNull();
    // the parts are still counted, so the infeasible design keeps its mass
    expect(e.objectives?.inactiveMassKg).toBeGreaterThan(0);
    expect(designOutcome(problem, e)).toEqual({ error: e.message });
  });

  it('a design whose springs go solid only as the cells swell is infeasible with the spring constraint named', () => {
    // 7.3 kN/mm: the largest preload (6438 N) uses 88 % of the 0.9 mm travel; the swelling adds the rest
    const e = evaluateDesign(problem, { ...baseDesignValues(problem), springRate: 7300 }, { session });
    expect(e.status).toBe('infeasible');
    expect(e.violated).toContain('springTravel');
    // the solver refuses the swollen state; its message gives the tension the springs reached
    expect(e.message).toMatch(/solve refused: .*bolts\.springs: compressed .* \(after swelling\)/s);
    const spring = e.constraints.find((m) => m.id === 'springTravel');
    expect(spring?.state).toBe('after swelling');
    expect(spring?.value).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
