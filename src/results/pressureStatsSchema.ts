import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/**
 * `PressureStats` as read back from a file (result.json, fields.json): every number finite, no
 * other keys. Files may come from another machine or have been edited.
 */
export const pressureStatsSchema = z
  .object({
    mean: finite,
    min: finite,
    max: finite,
    std: finite,
    cov: finite,
    maxOverMean: finite,
    p5: finite,
    p95: finite,
    contactFraction: finite,
    within10: finite,
    force: finite,
    area: finite,
  })
  .strict();
