import { z } from 'zod';
import { quantity } from './quantity';

/**
 * `stack.cells.confinement`: the shape-factor correction of a linear cell law (src/stack/cellConfinement.ts).
 * Absent or `none`: the cell modulus is used as is at every point (the default, and the behaviour of
 * cases written before the option existed). `bonded`: the cells are held laterally by the plates,
 * so the modulus rises toward the constrained modulus inside the footprint and falls back toward
 * the plane-strain modulus at its edges, over a boundary layer of the order of the bonded thickness.
 */
export const cellConfinementSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }).strict(),
    z
      .object({
        type: z.literal('bonded'),
        // above 0.49 the constrained modulus (×17 at 0.49) hangs on digits of ν no cell datum has
        poisson: quantity('', "Poisson's ratio of the cell stack, taken as isotropic", {
          gte: 0,
          lte: 0.49,
        }).default(0.3),
        layer: z.enum(['stack', 'cell']).default('stack').meta({
          description:
            "the bonded thickness: 'stack' = all cells between two plates (identical cells expand alike, so their interfaces carry no shear and only the plates hold them: the default), 'cell' = one cell (each cell's faces held, e.g. by stiff laminates)",
        }),
      })
      .strict(),
  ])
  .optional()
  .meta({
    description:
      'confinement (shape-factor) correction of a linear cell law: none (default) or bonded to the plates',
  });

export type CellConfinement = z.output<typeof cellConfinementSchema>;

/**
 * The cross-field rule of `stack.cells`: confinement needs the linear law (a table gives no ν and
 * no single modulus to confine). For the cells object's superRefine.
 */
export function confinementNeedsLinearLaw(
  cells: { law: { type: string }; confinement?: CellConfinement },
  ctx: z.RefinementCtx,
): void {
  if (cells.confinement?.type === 'bonded' && cells.law.type !== 'linear')
    ctx.addIssue({
      code: 'custom',
      path: ['confinement'],
      message: `bonded — needs law.type 'linear' (law is '${cells.law.type}'); a tabulated cell law takes confinement 'none', with the stack's measured curve already holding it`,
    });
}
