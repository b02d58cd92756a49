import { describe, expect, it } from 'vitest';
import { rectangleMesh } from '../../../solver/mesh/structured';
import { elementResults, maxVonMises } from '../../../solver/plate/recovery';
import { seededRandom } from '../../bench/plateProblem';

describe('largest von Mises stress over several states', () => {
  it('equals the largest element value of elementResults over the states (1e-13 relative)', () => {
    const mesh = rectangleMesh({ from: 0, to: 40, size: 6, lines: [13] }, { from: 0, to: 30, size: 5 });
    const nQuads = mesh.quads.length / 4;
    const thickness = Float64Array.from({ length: nQuads }, (_, e) => 2 + (e % 3));
    const rand = seededRandom(12);
    const nDofs = (3 * mesh.nodes.length) / 2;
    const states = [0, 1, 2].map(() => Float64Array.from({ length: nDofs }, () => 0.01 * (rand() - 0.5)));
    let reference = 0;
    for (const u of states) {
      const r = elementResults(mesh, 70000, 0.33, thickness, u);
      for (let e = 0; e < nQuads; e++) reference = Math.max(reference, r.vonMisesTop[e], r.vonMisesBottom[e]);
    }
    expect(reference).toBeGreaterThan(0);
    expect(Math.abs(maxVonMises(mesh, 70000, 0.33, thickness, states) - reference)).toBeLessThan(
      1e-13 * reference,
    );
  });
});
