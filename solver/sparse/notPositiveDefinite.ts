/** The error thrown when a Cholesky pivot is not positive. */
export class NotPositiveDefiniteError extends Error {
  /** original (caller's) dof index whose pivot broke down */
  readonly dof: number;
  /** the pivot value d (L(j,j)² would have been d) */
  readonly pivot: number;
  /** the diagonal entry A(dof, dof) */
  readonly diagonal: number;

  constructor(dof: number, pivot: number, diagonal: number, description?: string) {
    const where = description ? `dof ${dof} (${description})` : `dof ${dof}`;
    super(
      `Matrix is not positive definite: the pivot of ${where} is ${pivot.toPrecision(4)} ` +
        `(diagonal entry ${diagonal.toPrecision(4)}). The structure can probably move without ` +
        'deforming there: a rigid-body mode or mechanism that no support restrains, i.e. a missing ' +
        'constraint (or a zero/negative stiffness).',
    );
    this.name = 'NotPositiveDefiniteError';
    this.dof = dof;
    this.pivot = pivot;
    this.diagonal = diagonal;
  }
}
