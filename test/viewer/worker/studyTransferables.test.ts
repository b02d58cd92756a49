import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runToleranceStudy } from '../../../src/tolerance/toleranceStudy';
import { studyTransferables } from '../../../viewer/src/worker/studyTransferables';

const defaultCase = JSON.parse(readFileSync(new URL('../../../cases/default.json', import.meta.url), 'utf8'));

/** Every typed array of a value, found by walking it (not by the list under test). */
function typedArrays(v: unknown, out: ArrayBufferView[] = []): ArrayBufferView[] {
  if (ArrayBuffer.isView(v)) out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) typedArrays(x, out);
  return out;
}

describe('study transfer list', () => {
  it("moves every array of a study's maps, both load states, without a copy", () => {
    // the default case swells: two load states of four maps, values and contact flags each
    const result = runToleranceStudy({ ...defaultCase, mesh: { size: 6 } }, { samples: 3, seed: 1 });
    expect(Object.keys(result.maps).sort()).toEqual(['loadUp', 'swollen']);
    const arrays = typedArrays(result);
    expect(arrays).toHaveLength(2 * 4 * 2);
    const bytes = arrays.reduce((s, a) => s + a.byteLength, 0);
    const moved = structuredClone(result, { transfer: studyTransferables(result) });
    for (const a of arrays) expect(a.byteLength).toBe(0);
    expect(typedArrays(moved).reduce((s, a) => s + a.byteLength, 0)).toBe(bytes);
  });
});
