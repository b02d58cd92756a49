import { describe, expect, it } from 'vitest';
import { transferables } from '../../../viewer/src/worker/transferables';
import { fieldsWithHistory } from '../historyFixture';

describe('worker transfer list with a life history', () => {
  it('moves every state map (values and contact flags) without a copy', () => {
    const fields = fieldsWithHistory();
    const grids = fields.history?.grids ?? [];
    expect(grids).toHaveLength(4);
    const bytes = grids.map((g) => g.values.byteLength + g.contact.byteLength);
    const moved = structuredClone(fields, { transfer: transferables(fields) });
    // transferred buffers are detached on the sending side
    for (const g of grids) {
      expect(g.values.byteLength).toBe(0);
      expect(g.contact.byteLength).toBe(0);
    }
    expect(moved.history?.grids.map((g) => g.values.byteLength + g.contact.byteLength)).toEqual(bytes);
  });
});
