import { z } from 'zod';
import { coordinateBound, maxMapLines } from './limits';
import { quantity } from './quantity';

/** Schema pieces shared by the case file's blocks. */

/** A coordinate in plate coordinates [mm]; whether it lies on the plate is checked against Lx, Ly. */
export const coordinate = (d: string) => quantity('mm', d, { gte: -coordinateBound, lte: coordinateBound });

/** The random generator takes a 32-bit signed seed; larger seeds would wrap to repeat others. */
export const seed = quantity('', 'seed of the random generator, so a case always gives the same numbers', {
  int: true,
  gte: 0,
  lte: 2 ** 31 - 1,
}).default(1);

/** A list of at most `max` entries; the length is checked before the entries, so a huge list costs nothing. */
export const list = <T extends z.ZodType>(item: T, min: number, max: number) =>
  z.array(item).min(min).max(max);

export const gridMap = (unit: string, what: string, value: ReturnType<typeof quantity>) =>
  z
    .object({
      x: list(coordinate('grid x coordinate'), 2, maxMapLines).meta({
        description: `grid x coordinates, increasing [mm] (2 to ${maxMapLines})`,
      }),
      y: list(coordinate('grid y coordinate'), 2, maxMapLines).meta({
        description: `grid y coordinates, increasing [mm] (2 to ${maxMapLines})`,
      }),
      values: list(list(value, 0, maxMapLines), 0, maxMapLines).meta({
        description: `${what}; values[j][i] at (x[i], y[j])${unit ? ` [${unit}]` : ''}`,
      }),
    })
    .strict();
