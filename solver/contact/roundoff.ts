/**
 * The smallest out-of-balance force [N] a residual r = K u + … can be trusted to: K u sums
 * terms of size |K||u| whose rounding errors do not cancel. Very stiff plates raise it above a
 * tight tolerance; asking for less would only make the iteration chase rounding noise.
 */
export const ROUNDOFF_FACTOR = 64 * Number.EPSILON;
