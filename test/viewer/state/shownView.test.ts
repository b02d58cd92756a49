import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CaseSummary, solveCase, summaryOf } from '../../../src/index';
import { resultFieldsOf } from '../../../src/presentation/resultFieldsOf';
import type { ShownResult } from '../../../viewer/src/state/shownResult';
import { shownView } from '../../../viewer/src/state/shownView';

const raw = (id: string) =>
  JSON.parse(readFileSync(new URL(`../../../cases/${id}.json`, import.meta.url), 'utf8'));
const coarse = (c: Record<string, unknown>): Record<string, unknown> => ({
  ...c,
  mesh: { ...(c.mesh as object), size: 6 },
});

function shownOf(input: unknown): ShownResult {
  const r = solveCase(input);
  return {
    origin: 'solve',
    caseName: r.name,
    caseInput: input,
    summary: summaryOf(r),
    fields: resultFieldsOf(r),
    solveId: 1,
    seconds: 1,
    inputKey: null,
    files: [],
  };
}

describe('shown view', () => {
  it('after swelling: the swollen pressure, deflection and the swollen statistics as colour range', () => {
    const shown = shownOf(coarse(raw('default')));
    const swelling = shown.summary.swelling;
    expect(swelling).not.toBeNull();
    const v = shownView(shown, 0, 'swollen');
    expect(v.loadState).toBe('swollen');
    expect(v.pressure).toBe(shown.fields?.interfaces[0].swollen?.pressure);
    expect(v.range?.max).toBe(swelling?.interfaces[0].pressure.max);
    const up = shownView(shown, 0, 'loadUp');
    expect(up.pressure).toBe(shown.fields?.interfaces[0].pressure);
    expect(up.range?.max).toBe(shown.summary.interfaces[0].pressure.max);
    expect(up.range?.max).not.toBe(v.range?.max);
  });

  it('a case without swelling draws load-up whatever is chosen; the interface index is clamped', () => {
    const c = coarse(raw('fig5b-none'));
    const shown = shownOf({ ...c, stack: { ...(c.stack as object), swelling: { type: 'none' } } });
    const v = shownView(shown, 5, 'swollen');
    expect(v.loadState).toBe('loadUp');
    expect(v.interfaceIndex).toBe(0);
    expect(v.interfaceNames).toEqual(['cell stack']);
  });

  it('a crafted summary without fields gives no range and no names, and does not throw', () => {
    const summary = { schema: 'stackpress.result/2', name: 'x', pressure: null, interfaces: 'no' };
    const shown = {
      ...shownOf(coarse(raw('fig5b-none'))),
      fields: null,
      summary: summary as unknown as CaseSummary,
    };
    const v = shownView(shown, 0, 'loadUp');
    expect(v).toMatchObject({ range: null, pressure: null, interfaceNames: [], bending: [] });
  });
});
