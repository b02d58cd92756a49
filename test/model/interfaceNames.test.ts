import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/case/schema';
import { withPath } from '../../src/case/variants';
import { buildModel } from '../../src/model/buildModel';

const raw = (name: string): unknown =>
  withPath(JSON.parse(readFileSync(join(import.meta.dirname, `../../cases/${name}.json`), 'utf8')), 'mesh', {
    size: 10,
  });
const names = (c: unknown) => buildModel(caseSchema.parse(c)).problem.interfaces.map((i) => i.name);
const interleaf = (every: number) => ({ every, thickness: 2, material: 'carbon-steel' });

// the example cases stack 6 cells; fig5b-gaskets has pads on both faces of the stack
describe('interface names follow the stack', () => {
  it('one interface without interleaf plates: the cell stack, with its pads when it has them', () => {
    expect(names(raw('fig5b-none'))).toEqual(['cell stack']);
    expect(names(raw('fig5b-gaskets'))).toEqual(['cell stack (with pads)']);
  });

  it('with interleaf plates: the cells of each group, counted from the top, and the plates around them', () => {
    expect(names(withPath(raw('fig5b-none'), 'stack.interleaf', interleaf(2)))).toEqual([
      'cells 1–2 (top plate ↔ interleaf 1)',
      'cells 3–4 (interleaf 1 ↔ interleaf 2)',
      'cells 5–6 (interleaf 2 ↔ bottom plate)',
    ]);
  });

  it('a group of one cell is "cell n"; pads are named where they lie', () => {
    expect(names(withPath(raw('fig5b-gaskets'), 'stack.interleaf', interleaf(5)))).toEqual([
      'cells 1–5 (top plate ↔ interleaf 1, with pads)',
      'cell 6 (interleaf 1 ↔ bottom plate, with pads)',
    ]);
    const topPadsOnly = withPath(raw('fig5b-gaskets'), 'gaskets[0].side', 'top');
    expect(names(withPath(topPadsOnly, 'stack.interleaf', interleaf(3)))).toEqual([
      'cells 1–3 (top plate ↔ interleaf 1, with pads)',
      'cells 4–6 (interleaf 1 ↔ bottom plate)',
    ]);
  });

  it('an interleaf step as large as the stack leaves one interface: the cell stack', () => {
    expect(names(withPath(raw('fig5b-none'), 'stack.interleaf', interleaf(6)))).toEqual(['cell stack']);
  });
});
