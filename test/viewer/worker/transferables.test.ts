import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveCase } from '../../../src/index';
import type { ResultFields } from '../../../src/presentation/resultFields';
import { resultFieldsOf } from '../../../src/presentation/resultFieldsOf';
import { transferables } from '../../../viewer/src/worker/transferables';

const defaultCase = JSON.parse(readFileSync(new URL('../../../cases/default.json', import.meta.url), 'utf8'));

/** Every typed array of the fields, found by walking them (not by the list under test). */
function typedArrays(v: unknown, out: ArrayBufferView[] = []): ArrayBufferView[] {
  if (ArrayBuffer.isView(v)) out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) typedArrays(x, out);
  return out;
}

describe('worker transfer list', () => {
  it('moves every array of the fields, both load states included, without a copy', () => {
    // the default case swells, so the swollen states and deflections are there too
    const fields: ResultFields = resultFieldsOf(
      solveCase({ ...defaultCase, mesh: { ...defaultCase.mesh, size: 6 } }),
    );
    expect(fields.deflectionSwollen).not.toBeNull();
    const arrays = typedArrays(fields);
    const bytes = arrays.reduce((s, a) => s + a.byteLength, 0);
    expect(arrays.length).toBeGreaterThan(10);
    const moved = structuredClone(fields, { transfer: transferables(fields) });
    // transferred buffers are detached here: nothing of the fields is left behind to copy
    for (const a of arrays) expect(a.byteLength).toBe(0);
    expect(typedArrays(moved).reduce((s, a) => s + a.byteLength, 0)).toBe(bytes);
  });
});
