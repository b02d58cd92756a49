/**
 * The smallest out-of-balance force [N] a residual r = K u + … can be trusted to: K u sums
 * terms of size |K||u| whose rounding errors do not cancel. Very stiff plates raise it above a
 * tight tolerance; asking for less would only make the iteration chase rounding noise.
 */
export const ROUNDOFF_FACTOR = 64 * Number.EPSILON;

/**
 * The largest round-off floor a converged state may rest on, relative to the total bolt load [-].
 * Above it the plates are so stiff against the loads (E·t³ many orders above the stack's
 * stiffness) that K u cannot be summed to a useful balance in double precision: such a state is
 * refused instead of being reported with a residual a designer would not accept.
 */
export const MAX_ROUNDOFF_RELATIVE = 1e-6;
