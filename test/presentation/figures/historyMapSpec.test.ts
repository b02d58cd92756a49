import { describe, expect, it } from 'vitest';
import { figureSvg } from '../../../src/presentation/figures/figureSvg';
import {
  historyMapRange,
  historyMapSpec,
  stateWords,
} from '../../../src/presentation/figures/historyMapSpec';
import { syntheticHistory, syntheticHistoryMaps } from '../syntheticHistory';
import { syntheticFields } from './syntheticFields';

const history = syntheticHistory();
const fields = { ...syntheticFields(), history: syntheticHistoryMaps() };

describe('historyMapSpec: the cell pressure map at a state of the life history', () => {
  it('puts the chosen states on one colour scale: 0.6 × the least mean to 1.4 × the largest, in contact', () => {
    // states 0, 3, 6: means 5.0, 6.5, 3.8; the map runs from 0.6·mean at x = 25 to 1.4·mean at x = 125
    // (state 6's open corner leaves x = 25 in contact above y = 45). Float32 maps: 5 decimals
    const range = historyMapRange(fields, history.mapStates);
    expect(range.lo).toBeCloseTo(3.8 * 0.6, 5);
    expect(range.hi).toBeCloseTo(6.5 * 1.4, 5);
    // state 1 (mean 5.6) is not chosen: its 1.4 × 5.6 = 7.84 does not set the scale, 6.5 × 1.4 = 9.1 does
    expect(historyMapRange(fields, [0, 1]).hi).toBeCloseTo(5.6 * 1.4, 5);
  });

  it('names the state in its title and subtitle, and says the scale is shared', () => {
    const range = historyMapRange(fields, history.mapStates);
    const spec = historyMapSpec({
      fields,
      history,
      state: 6,
      caseName: 'synthetic',
      range,
      cells: 'image',
    }) as unknown as {
      title: { text: string; subtitle: string[] };
    };
    expect(spec.title.text).toBe('synthetic — cell stack, cycle 100 discharged');
    expect(spec.title.subtitle[0]).toBe(
      'state 6 · t = 600 h · cycle 100 · SOC 0 % · ΔT 0.0 K · outside the window 4.00–6.00 MPa',
    );
    expect(spec.title.subtitle[1]).toMatch(/^mean 3.80 MPa over the footprint/);
    expect(spec.title.subtitle[2]).toMatch(/shared with the other maps of the history$/);
    expect(stateWords(history.states[1])).toBe('t = 3.00 h · cycle 0.500 · SOC 100 % · ΔT +5.0 K');
  });

  it('renders, and refuses a state without a map, naming the counts', async () => {
    const svg = await figureSvg(
      historyMapSpec({ fields, history, state: 3, caseName: 'synthetic', cells: 'image' }),
    );
    expect(svg).toContain('cycle 10 charged');
    expect(() => historyMapSpec({ fields, history, state: 9, caseName: 's' })).toThrow(/7 states and 7 maps/);
  });
});
