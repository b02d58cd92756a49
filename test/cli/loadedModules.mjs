// `node --import ./loadedModules.mjs …`: appends the URL of every module the process loads, one a
// line, to the file named by LOADED_MODULES. Plain JS: it must load before any TypeScript loader.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// this file is also the hooks module; in the hooks thread it only provides `load`
if (isMainThread && process.env.LOADED_MODULES) register(import.meta.url);

/** Node module hook: note the URL, then load as usual. */
export async function load(url, context, next) {
  if (process.env.LOADED_MODULES) appendFileSync(process.env.LOADED_MODULES, `${url}\n`);
  return next(url, context);
}
