import { type CheckedCase, checkCase } from '../case/checkCase';
import type { TolerancesCase } from '../case/schema';
import { estimateWork, studyBudgetIssues, type WorkLimits } from '../case/workBudget';
import type { LoadState } from '../presentation/resultFields';
import { InputError } from '../validation/parseInput';
import { studyPreload } from './drawInputs';

/** A checked case with its study settings: what every draw is made from. */
export interface StudySettings {
  checked: CheckedCase;
  tolerances: TolerancesCase;
  /** the load states each draw reports: load-up, and swelling when the case swells */
  states: LoadState[];
}

/** Overrides of the case's study block (the CLI's `--samples N --seed S`). */
export interface StudyOverrides {
  samples?: number;
  seed?: number;
  limits?: WorkLimits;
}

/** Least preload factor the explicit `factors` scatter allows [-]: every draw's factor must reach it. */
const leastFactor = 0.1;

/**
 * Check a case for a tolerance study: the case with its `tolerances` block (created with the
 * defaults when absent; `samples` and `seed` overriding it, so a bad override is named as the
 * block's field), then what the study itself needs. Throws InputError naming the field, value,
 * unit and what is allowed.
 */
export function studySettings(raw: unknown, overrides: StudyOverrides = {}): StudySettings {
  const withBlock =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? (() => {
          const r = raw as Record<string, unknown>;
          const block = r.tolerances ?? {};
          const given: Record<string, unknown> = {};
          if (overrides.samples !== undefined) given.samples = overrides.samples;
          if (overrides.seed !== undefined) given.seed = overrides.seed;
          const merged =
            block !== null && typeof block === 'object' && !Array.isArray(block)
              ? { ...block, ...given }
              : block;
          return { ...r, tolerances: merged };
        })()
      : raw;
  const checked = checkCase(withBlock, overrides.limits);
  const c = checked.case;
  const t = c.tolerances;
  if (!t) throw new Error('studySettings: the schema lost the tolerances block');
  const errors: string[] = [];
  // the case's own scatter redrawn: every factor must stay a valid explicit factor
  if (!t.preload) {
    const s = c.bolts.scatter;
    if (s.type === 'uniform' && 1 - s.halfRange < leastFactor)
      errors.push(
        `bolts.scatter.halfRange: ${s.halfRange} — a study redraws it per draw as explicit factors, which must be >= ${leastFactor}: needs a half range <= ${1 - leastFactor}; or set tolerances.preload`,
      );
    if (s.type === 'normal' && 1 - 3 * s.cov < leastFactor - 1e-12)
      errors.push(
        `bolts.scatter.cov: ${s.cov} — a study redraws it per draw as explicit factors (cut at ±3σ), which must be >= ${leastFactor}: needs cov <= ${(1 - leastFactor) / 3}; or set tolerances.preload`,
      );
  }
  const faces = [c.plates.top.flatness, c.plates.bottom.flatness];
  if (t.flatness.mapNoise) {
    if (!faces.some((f) => f.type === 'map'))
      errors.push(
        `tolerances.flatness.mapNoise: ${t.flatness.mapNoise.rms} µm — no plate has a \`map\` flatness to add it to; remove it or give a plate a measured map`,
      );
    faces.forEach((f, i) => {
      if (f.type === 'map' && !f.grid)
        errors.push(
          `plates.${i === 0 ? 'top' : 'bottom'}.flatness.file: ${f.file ?? '(none)'} — the map's grid must be read before a study adds noise to it (the case loader reads the file)`,
        );
    });
  }
  if (t.padThickness && c.gaskets.length === 0)
    errors.push(
      `tolerances.padThickness.sd: ${t.padThickness.sd} mm — the case has no pads (gaskets is empty); remove it`,
    );
  const states: LoadState[] = c.stack.swelling.type === 'none' ? ['loadUp'] : ['loadUp', 'swollen'];
  errors.push(...studyBudgetIssues(estimateWork(c), t.samples, states.length, overrides.limits));
  if (errors.length > 0) throw new InputError('case', errors);
  // nothing random left to draw is a valid study of one repeated case, but worth saying
  if (!studyPreload(c, t) && !t.cellThickness && !t.padThickness && !randomFaces(c, t))
    checked.warnings.push(
      'tolerances: nothing is random in this study (no preload scatter, random flatness, map noise or thickness tolerance): every draw is the same case',
    );
  return { checked, tolerances: t, states };
}

function randomFaces(c: CheckedCase['case'], t: TolerancesCase): boolean {
  return [c.plates.top.flatness, c.plates.bottom.flatness].some(
    (f) =>
      (f.type === 'random' && t.flatness.redrawRandom && f.rms > 0) ||
      (f.type === 'map' && t.flatness.mapNoise),
  );
}
