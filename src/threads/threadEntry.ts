/**
 * The file a worker thread starts from, for the module at `callerUrl` (its `import.meta.url`).
 *
 * Run from the TypeScript sources (vitest, tsx) the caller is a `.ts` file, and the thread starts
 * from the plain-JS `shim` beside it, which registers tsx before it loads the TypeScript entry: a
 * new thread does not inherit the loader of the thread that starts it.
 *
 * Run from the compiled package the caller is a bundled `.js` file, entry or shared chunk, and
 * every such file lies exactly one folder below `dist/` (the build refuses any other layout), so
 * `compiled`, a path relative to `dist/`, is found one folder up.
 *
 * @param shim e.g. './caseWorker.mjs', relative to the caller's source file
 * @param compiled e.g. 'cli/caseWorker.js', relative to `dist/`
 */
export function threadEntry(callerUrl: string, shim: string, compiled: string): URL {
  const fromSources = /\.[cm]?tsx?$/.test(new URL(callerUrl).pathname);
  return fromSources ? new URL(shim, callerUrl) : new URL(`../${compiled}`, callerUrl);
}
