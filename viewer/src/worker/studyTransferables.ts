import type { ToleranceResult } from '../../../src/tolerance/toleranceResult';

/**
 * Every buffer of a study's maps (mean, p5, p95 and P(contact) per load state, values and contact
 * flags), for postMessage's transfer list: the page receives them without a copy. The study made
 * them fresh, so the worker has no further use for them.
 */
export function studyTransferables(r: ToleranceResult): ArrayBuffer[] {
  const out: ArrayBufferLike[] = [];
  for (const maps of Object.values(r.maps))
    if (maps)
      for (const g of [maps.mean, maps.p5, maps.p95, maps.contactProbability])
        out.push(g.values.buffer, g.contact.buffer);
  // a SharedArrayBuffer cannot be transferred (and none of ours is one)
  return [...new Set(out)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
