import { describe, expect, it } from 'vitest';
import { artifactsOf, type EncodedArtifacts, encodeArtifacts } from '../../src/report/caseArtifacts';
import { solveCase } from '../../src/solveCase';
import type { DrawnCase } from '../../src/tolerance/drawInputs';
import { drawRecordOfArtifacts, MalformedDrawResultError } from '../../src/tolerance/drawRecordOfArtifacts';
import { drawRecordOfResult, planToleranceStudy } from '../../src/tolerance/toleranceStudy';
import { coarseDefault } from './studyCases';

/**
 * A draw solved as a plain case, as a pool lane or a queue worker solves it: its artifacts, sent
 * back as JSON, give the record drawMaps gives the same solve (per-state safety factors included),
 * and a result no worker sends fails the draw with its reason.
 */
const c = coarseDefault();
c.mesh.size = 10;
c.output.gridSpacing = 10;
const plan = planToleranceStudy(c, { samples: 3, seed: 5 });
const drawn: DrawnCase = plan.draw(1);
const result = solveCase(drawn.input);
const sent = (): EncodedArtifacts => JSON.parse(JSON.stringify(encodeArtifacts(artifactsOf(result))));

describe('drawRecordOfArtifacts', () => {
  it("gives drawMaps' metrics and maps of the same solve, number for number", () => {
    const expected = drawRecordOfResult(drawn, result);
    const got = drawRecordOfArtifacts(drawn, sent());
    expect(got.draw).toEqual(expected.draw);
    expect(got.solves).toBe(expected.solves);
    expect(Object.keys(got.grids)).toEqual(['loadUp', 'swollen']);
    for (const state of ['loadUp', 'swollen'] as const) {
      expect(got.grids[state]?.values).toEqual(expected.grids[state]?.values);
      expect(got.grids[state]?.nx).toBe(expected.grids[state]?.nx);
    }
    // the states differ, so a per-state value cannot come from the summary's over both
    const m = got.draw.metrics;
    expect(m?.loadUp?.safetyFactor).not.toBe(m?.swollen?.safetyFactor);
  });

  it.each<[string, (a: EncodedArtifacts) => unknown, RegExp]>([
    [
      'no safety factors (an older worker)',
      (a) => ({ ...a, safetyFactors: undefined }),
      /per-state safety factors/,
    ],
    ['fields that are not a fields file', (a) => ({ ...a, fields: '{"schema":1}' }), /fields:/],
    ['no summary', (a) => ({ ...a, summary: null }), /no summary/],
    [
      'a bolt force that is text',
      (a) => ({ ...a, summary: { ...a.summary, bolts: [{ force: '1e4' }] } }),
      /bolts\[0\]\.force is "1e4"/,
    ],
    [
      'a mean pressure lost to JSON (NaN)',
      (a) => ({ ...a, summary: { ...a.summary, pressure: { ...a.summary.pressure, mean: null } } }),
      /load-up mean pressure is null/,
    ],
    [
      'a case that swells with no swollen safety factor',
      (a) => ({ ...a, safetyFactors: { loadUp: 3, swollen: null } }),
      /disagree on whether the case swells/,
    ],
    ['nothing at all', () => null, /no summary/],
  ])('refuses %s as a malformed result', (_, tamper, message) => {
    const a = tamper(sent()) as EncodedArtifacts;
    expect(() => drawRecordOfArtifacts(drawn, a)).toThrow(MalformedDrawResultError);
    expect(() => drawRecordOfArtifacts(drawn, a)).toThrow(message);
  });

  it('refuses a non-finite metric as drawMaps does', () => {
    const a = sent();
    a.safetyFactors = { loadUp: Number.POSITIVE_INFINITY, swollen: 2 };
    expect(() => drawRecordOfArtifacts(drawn, a)).toThrow(
      /load-up: safetyFactor is Infinity .* the draw is refused/,
    );
  });
});
