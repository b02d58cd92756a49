import type { BoltMember } from '../../solver/contact/contactProblem';
import type { QuadMesh } from '../../solver/mesh/quadMesh';
import { addPatchForce } from '../../solver/plate/loads';
import { nominalPreload, washerDiameter } from '../case/checkCase';
import { boltMaterials, boltStressArea } from '../case/materials';
import type { Case } from '../case/schema';
import { seededRandom } from './seededRandom';

/** Preload factor of each bolt [-]: explicit, or drawn from the seeded scatter distribution. */
export function preloadFactors(c: Case): number[] {
  const nb = c.bolts.positions.length;
  const s = c.bolts.scatter;
  switch (s.type) {
    case 'none':
      return new Array(nb).fill(1);
    case 'factors':
      return [...s.factors];
    case 'uniform': {
      const rnd = seededRandom(s.seed);
      return Array.from({ length: nb }, () => 1 + s.halfRange * (2 * rnd.uniform() - 1));
    }
    case 'normal': {
      const rnd = seededRandom(s.seed);
      // a normal draw cut at ±3σ: a torque wrench does not produce a negative preload
      return Array.from({ length: nb }, () => 1 + s.cov * Math.max(-3, Math.min(3, rnd.normal())));
    }
  }
}

/** Height of everything the bolt clamps [mm]: plates, stack, interleaf plates and gaskets. */
export function clampedHeight(c: Case): number {
  const cells = c.stack.cells.count * c.stack.cells.thickness;
  const il = c.stack.interleaf;
  const interleaves = il ? Math.floor((c.stack.cells.count - 1) / il.every) * il.thickness : 0;
  const gaskets = c.gaskets.reduce((s, g) => s + g.thickness * (g.side === 'both' ? 2 : 1), 0);
  const bottom = 'rigid' in c.plates.bottom ? 0 : c.plates.bottom.thickness;
  return c.plates.top.thickness + bottom + cells + interleaves + gaskets;
}

/** Length of bolt shank that stretches [mm]: the grip, plus one diameter of thread engagement in a rigid base. */
export function boltGripLength(c: Case): number {
  const rigidBase = 'rigid' in c.plates.bottom;
  return c.bolts.gripLength ?? clampedHeight(c) + (rigidBase ? c.bolts.diameter : 0);
}

/**
 * Axial stiffness [N/mm] of one bolt with its springs in series:
 * bolt E·A_s/L_grip (grip = clamped height, plus one diameter of thread engagement in a rigid
 * base), springs k/count (stacked in series).
 */
export function boltStiffness(c: Case): { bolt: number; springs: number | null; total: number } {
  const mat = boltMaterials[c.bolts.material];
  const bolt = (mat.E * boltStressArea(c.bolts.diameter)) / boltGripLength(c);
  const sp = c.bolts.springs;
  const springs = sp ? sp.rate / sp.count : null;
  const total = springs === null ? bolt : 1 / (1 / bolt + 1 / springs);
  return { bolt, springs, total };
}

/**
 * The bolts as contact-model members: washer patches on the top plate and (unless the base is
 * rigid) the bottom plate, weights from distributing a unit force uniformly over the washer disc.
 */
export function boltMembers(c: Case, mesh: QuadMesh, rigidBase: boolean): BoltMember[] {
  const factors = preloadFactors(c);
  const F = nominalPreload(c);
  const k = boltStiffness(c).total;
  const radius = washerDiameter(c) / 2;
  const f = new Float64Array(mesh.nodes.length * 1.5);
  return c.bolts.positions.map((b, i) => {
    f.fill(0);
    addPatchForce(mesh, { x: b.x, y: b.y, radius, force: 1 }, f);
    const nodes: number[] = [];
    const weights: number[] = [];
    for (let node = 0; node < f.length / 3; node++) {
      if (f[3 * node] !== 0) {
        nodes.push(node);
        weights.push(f[3 * node]);
      }
    }
    const upperNodes = Int32Array.from(nodes);
    const upperWeights = Float64Array.from(weights);
    return {
      x: b.x,
      y: b.y,
      upperNodes,
      upperWeights,
      lowerNodes: rigidBase ? new Int32Array(0) : upperNodes.slice(),
      lowerWeights: rigidBase ? new Float64Array(0) : upperWeights.slice(),
      preload: F * factors[i],
      stiffness: k,
    };
  });
}
