import { readFileSync } from 'node:fs';
import { artifactsOf, type CaseArtifacts } from '../../src/report/caseArtifacts';
import { caseFolderFiles } from '../../src/report/caseFolder';
import { replaceFolder } from '../../src/report/folderSwap';
import { type CaseSummary, solveCase } from '../../src/solveCase';

const defaultCase = new URL('../../cases/default.json', import.meta.url);

/** Two inputs whose every file differs: version 1 and version 2 of one case. */
export const versions = [1, 2] as const;
/** The input hash written into result.json for each version (64 hex digits, as sha256). */
export const hashOf = (v: number): string => String(v).repeat(64);

/**
 * Artifacts of version `v`: the default case solved on a coarse mesh with every bolt's preload
 * scaled by v, so every file of the folder (maps, fields, summary) differs between versions.
 */
export function artifactsFor(v: number): CaseArtifacts {
  const input = JSON.parse(readFileSync(defaultCase, 'utf8'));
  input.mesh = { ...(input.mesh ?? {}), size: 10 };
  input.bolts.preload.force *= v === 1 ? 1 : 1.2;
  const a = artifactsOf(solveCase(input));
  // the solve's timings differ from process to process; the files of a version must not
  const effort = { ...a.summary.effort, seconds: 0, phases: { ...a.summary.effort.phases } };
  for (const k of Object.keys(effort.phases) as (keyof typeof effort.phases)[]) effort.phases[k] = 0;
  return { ...a, summary: { ...a.summary, effort, version: v } as unknown as CaseSummary };
}

/** The files of version `v`'s folder, rendered once (the kill test is about the folder swap, not the rendering). */
export async function filesFor(v: number) {
  return (await caseFolderFiles(artifactsFor(v), { file: 'case.json', hash: hashOf(v) })).files;
}

/**
 * Child process for the kill test: replaces the case folder `argv[2]` for ever, alternating the
 * two versions' files, and prints `ready` once the first replacement is done.
 */
async function main(dir: string): Promise<void> {
  const files = await Promise.all(versions.map(filesFor));
  for (let k = 0; ; k++) {
    await replaceFolder(dir, files[k % 2]);
    if (k === 0) process.stdout.write('ready\n');
  }
}

if (process.argv[2]) await main(process.argv[2]);
