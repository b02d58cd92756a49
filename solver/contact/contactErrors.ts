/** No state in force balance was reached: the map is not returned. */
export class ContactConvergenceError extends Error {
  override name = 'ContactConvergenceError';
}

/** The caller asked the iteration to stop (Ctrl-C, a timeout). */
export class ContactAbortedError extends Error {
  override name = 'ContactAbortedError';
}
