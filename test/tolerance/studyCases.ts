import { readFileSync } from 'node:fs';
import type { DrawnCase } from '../../src/tolerance/drawInputs';
import type { StudyPlan } from '../../src/tolerance/toleranceStudy';

// biome-ignore lint/suspicious/noExplicitAny: a case file is edited at any depth by the tests
export type CaseJson = Record<string, any>;

/** A case file of cases/ as a plain object, a fresh copy per call. */
export function exampleCase(name: string): CaseJson {
  return JSON.parse(readFileSync(new URL(`../../cases/${name}.json`, import.meta.url), 'utf8'));
}

/**
 * The default module at a coarse mesh (5 mm, map grid 5 mm), so a study of tens of draws runs in
 * seconds: linear laws (cells, Shore pads), two equal steel plates, springs, swelling.
 */
export function coarseDefault(): CaseJson {
  const c = exampleCase('default');
  c.mesh.size = 5;
  c.output.gridSpacing = 5;
  return c;
}

/** Every draw of a plan, in index order. */
export const drawsOf = (plan: StudyPlan): DrawnCase[] =>
  Array.from({ length: plan.samples }, (_, i) => plan.draw(i));
