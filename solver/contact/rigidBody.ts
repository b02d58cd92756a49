/** Three nodes far apart (two corners and the middle of the opposite edge), never collinear. */
export function defaultRigidBodyNodes(nodes: Float64Array): [number, number, number] {
  let xmin = Number.POSITIVE_INFINITY;
  let xmax = Number.NEGATIVE_INFINITY;
  let ymin = Number.POSITIVE_INFINITY;
  let ymax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < nodes.length; i += 2) {
    xmin = Math.min(xmin, nodes[i]);
    xmax = Math.max(xmax, nodes[i]);
    ymin = Math.min(ymin, nodes[i + 1]);
    ymax = Math.max(ymax, nodes[i + 1]);
  }
  const nearest = (x: number, y: number) => {
    let best = 0;
    let bd = Number.POSITIVE_INFINITY;
    for (let i = 0; i < nodes.length / 2; i++) {
      const d = (nodes[2 * i] - x) ** 2 + (nodes[2 * i + 1] - y) ** 2;
      if (d < bd) {
        bd = d;
        best = i;
      }
    }
    return best;
  };
  return [nearest(xmin, ymin), nearest(xmax, ymin), nearest((xmin + xmax) / 2, ymax)];
}
