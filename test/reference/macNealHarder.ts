/**
 * MacNeal–Harder plate patch (MacNeal & Harder 1985, "A proposed standard set of problems to test finite
 * element accuracy"): 0.24 × 0.12 rectangle with four distorted interior nodes.
 */
export const patchNodes = [
  [0, 0],
  [0.24, 0],
  [0.24, 0.12],
  [0, 0.12],
  [0.04, 0.02],
  [0.18, 0.03],
  [0.16, 0.08],
  [0.08, 0.08],
];
/** counter-clockwise quads; nodes 0–3 are the boundary */
export const patchQuads = [
  [0, 1, 5, 4],
  [1, 2, 6, 5],
  [2, 3, 7, 6],
  [3, 0, 4, 7],
  [4, 5, 6, 7],
];
