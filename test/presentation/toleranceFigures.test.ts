import { describe, expect, it } from 'vitest';
import { figureSvg } from '../../src/presentation/figures/figureSvg';
import {
  contactProbabilityGrid,
  toleranceContactSpec,
} from '../../src/presentation/figures/toleranceContactSpec';
import {
  countHistogram,
  shareMeeting,
  toleranceHistogramSpec,
} from '../../src/presentation/figures/toleranceHistogramSpec';
import { toleranceMapsSpec } from '../../src/presentation/figures/toleranceMapsSpec';
import { inputHeader, samplesCsv } from '../../src/presentation/toleranceCsv';
import {
  decodeToleranceFile,
  encodeToleranceFile,
  ToleranceFileError,
} from '../../src/presentation/toleranceFile';
import { syntheticStack, syntheticStudy } from './syntheticTolerance';

/** RFC 4180 rows: quoted cells may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe('samples.csv', () => {
  const study = syntheticStudy({ samples: 6, failed: [2], swollen: true });
  const [header, ...rows] = parseCsv(samplesCsv(study));
  const col = (name: string) => {
    const k = header.indexOf(name);
    expect(k, `column ${name} in ${header.join(' | ')}`).toBeGreaterThanOrEqual(0);
    return k;
  };

  it('has one row per draw, in index order, failed draws included', () => {
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r[col('draw')])).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(rows.map((r) => r[col('seed')])).toEqual(['1000', '1001', '1002', '1003', '1004', '1005']);
    expect(rows.map((r) => r[col('status')])).toEqual(['ok', 'ok', 'failed', 'ok', 'ok', 'ok']);
  });

  it('gives every header with a quantity its unit, per load state', () => {
    for (const h of [
      'loadUp.meanPressure [MPa]',
      'loadUp.cov [-]',
      'loadUp.maxOverMean [-]',
      'loadUp.contactFraction [-]',
      'loadUp.within10 [-]',
      'loadUp.boltForceMax [N]',
      'loadUp.boltForceMin [N]',
      'loadUp.safetyFactor [-]',
      'swollen.meanPressure [MPa]',
      'swollen.boltForceMax [N]',
      'preloadFactors.1 [-]',
      'preloadFactors.8 [-]',
      'padThicknessOffset [mm]',
    ])
      col(h);
    // every column but the labels, counts and seeds ends in [unit]
    const unitless = ['draw', 'seed', 'status', 'error', 'factorizations', 'factorizationsReused'];
    for (const h of header) if (!unitless.includes(h)) expect(h).toMatch(/ \[[^\]]+\]$/);
  });

  it('writes the metrics of a draw as drawn (draw 3: CoV 0.33, mean 5.3 MPa, 7.95 MPa after swelling)', () => {
    const r = rows[3];
    expect(Number(r[col('loadUp.cov [-]')])).toBeCloseTo(0.33, 12);
    expect(Number(r[col('loadUp.meanPressure [MPa]')])).toBeCloseTo(5.3, 12);
    expect(Number(r[col('swollen.meanPressure [MPa]')])).toBeCloseTo(7.95, 12);
    // bolt 2 of draw 3: 1 + 0.01·(3 − 1)
    expect(Number(r[col('preloadFactors.2 [-]')])).toBeCloseTo(1.02, 12);
  });

  it('keeps a failed draw with its error, quoted, and empty metric cells', () => {
    const r = rows[2];
    expect(r[col('error')]).toBe('draw 2: the contact solver did not converge, "residual" 1e-3');
    expect(r[col('loadUp.cov [-]')]).toBe('');
    expect(r[col('swollen.meanPressure [MPa]')]).toBe('');
    expect(r).toHaveLength(header.length);
  });

  it('keeps its full header when every draw failed', () => {
    const all = syntheticStudy({ samples: 2, failed: [0, 1] });
    const [h, ...r] = parseCsv(samplesCsv(all));
    expect(r).toHaveLength(2);
    expect(h).toContain('loadUp.cov [-]');
  });

  it('names inputs with their units: seeds none, offsets mm, factors [-]', () => {
    expect(inputHeader('topFlatnessSeed')).toBe('topFlatnessSeed');
    expect(inputHeader('padThicknessOffsets', 2)).toBe('padThicknessOffsets.2 [mm]');
    expect(inputHeader('cellThicknessOffset')).toBe('cellThicknessOffset [mm]');
    expect(inputHeader('preloadFactors', 8)).toBe('preloadFactors.8 [-]');
    expect(inputHeader('drift [µm]', 3)).toBe('drift.3 [µm]');
  });
});

describe('tolerance.json', () => {
  const study = syntheticStudy({ samples: 5, failed: [1], swollen: true });
  const stack = syntheticStack();
  const text = encodeToleranceFile({ result: study, stack, input: { file: 'c.json', hash: 'ab' } });

  it('round-trips the study bit for bit, maps included', () => {
    const back = decodeToleranceFile(text);
    expect(back.result).toEqual(study);
    expect(back.stack).toEqual(stack);
    expect(back.input).toEqual({ file: 'c.json', hash: 'ab' });
    const p = back.result.maps.swollen?.contactProbability;
    expect(p?.values).toBeInstanceOf(Float64Array);
    expect(p?.values[0]).toBe(0.2);
  });

  it('carries the warnings and first-order estimates when the study has them', () => {
    const withFirst = {
      ...study,
      warnings: ['the case has no random input to draw: every draw is the same'],
      firstOrder: [
        {
          quantity: 'centrePressure' as const,
          state: 'loadUp' as const,
          value: 1.4,
          variance: 0.04,
          parts: { preload: 0.01, flatness: 0.03 },
          omitted: ['tolerances.padThickness'],
          point: { index: 5100, x: 75, y: 75 },
        },
      ],
    };
    const back = decodeToleranceFile(encodeToleranceFile({ result: withFirst, stack, input: null }));
    expect(back.result.firstOrder).toEqual(withFirst.firstOrder);
    expect(back.result).toEqual(withFirst);
  });

  it('stores each load state’s grid header once and no grid as a JSON number list', () => {
    const json = JSON.parse(text);
    expect(Object.keys(json.maps.loadUp).sort()).toEqual(['contactProbability', 'grid', 'mean', 'p5', 'p95']);
    expect(typeof json.maps.loadUp.mean.values).toBe('string');
    // four 101 × 101 grids of 8-byte numbers in base64 (4/3): about 0.44 MB per state
    expect(text.length).toBeLessThan(1.2e6);
  });

  // biome-ignore lint/suspicious/noExplicitAny: the parsed file is edited at any depth
  type Json = any;
  const tamper = (edit: (j: Json) => void): string => {
    const j = JSON.parse(text);
    edit(j);
    return JSON.stringify(j);
  };
  const refused: [string, string, RegExp][] = [
    ['not JSON', '{"schema":', /not JSON/],
    [
      'another schema',
      tamper((j) => {
        j.schema = 'stackpress.fields/1';
      }),
      /schema/,
    ],
    [
      'a draw missing',
      tamper((j) => {
        j.draws.pop();
      }),
      /draws: 4 draws for samples 5/,
    ],
    [
      'draws out of order',
      tamper((j) => {
        [j.draws[0], j.draws[2]] = [j.draws[2], j.draws[0]];
      }),
      /draws\[0\]\.index/,
    ],
    [
      'a failed draw not listed',
      tamper((j) => {
        j.failed = [];
      }),
      /failed: \[\], but the draws that failed are \[1\]/,
    ],
    [
      'an ok draw without metrics',
      tamper((j) => {
        j.draws[0].metrics = null;
      }),
      /draws\[0\]: status ok/,
    ],
    [
      'a metric as text',
      tamper((j) => {
        j.draws[0].metrics.loadUp.cov = 'NaN';
      }),
      /draws\.0\.metrics\.loadUp\.cov/,
    ],
    [
      'an unknown metric',
      tamper((j) => {
        j.draws[0].metrics.loadUp.pressureRms = 1;
      }),
      /draws\.0\.metrics\.loadUp/,
    ],
    [
      'a probability above 1',
      tamper((j) => {
        j.distributions.loadUp.cov.probability = 1.5;
      }),
      /probability/,
    ],
    [
      'a grid too short',
      tamper((j) => {
        j.maps.loadUp.mean.values = j.maps.loadUp.mean.values.slice(0, 400);
      }),
      /maps\.loadUp\.mean\.values/,
    ],
    [
      'a grid that is not base64',
      tamper((j) => {
        j.maps.loadUp.p5.values = '@@@@';
      }),
      /maps\.loadUp\.p5\.values: not base64/,
    ],
    [
      'a huge grid',
      tamper((j) => {
        j.maps.loadUp.grid.nx = 20_000;
        j.maps.loadUp.grid.ny = 20_000;
      }),
      /maps\.loadUp\.grid: 400000000 points/,
    ],
    [
      'a contact flag of 2',
      tamper((j) => {
        j.maps.loadUp.mean.contact = btoa(String.fromCharCode(2).repeat(101 * 101));
      }),
      /mean\.contact\[0\]: 2/,
    ],
    [
      'too many draws',
      tamper((j) => {
        j.samples = 5000;
      }),
      /samples/,
    ],
    [
      'an extra key',
      tamper((j) => {
        j.extra = 1;
      }),
      /not a stackpress\.tolerance\/1 file/,
    ],
  ];
  it.each(refused)('refuses %s, naming what is wrong', (_, bad, message) => {
    expect(() => decodeToleranceFile(bad)).toThrow(ToleranceFileError);
    expect(() => decodeToleranceFile(bad)).toThrow(message);
  });

  it('refuses a contact probability outside 0…1', () => {
    const wild = syntheticStudy({ samples: 2 });
    const p = wild.maps.loadUp?.contactProbability;
    if (!p) throw new Error('fixture has no maps');
    p.values[7] = 1.25;
    const bad = encodeToleranceFile({ result: wild, stack, input: null });
    expect(() => decodeToleranceFile(bad)).toThrow(/contactProbability\.values\[7\]: 1\.25, allowed 0 to 1/);
  });
});

describe('the spread figures', () => {
  const study = syntheticStudy({ samples: 21, failed: [3, 17] });
  const stack = syntheticStack();
  // biome-ignore lint/suspicious/noExplicitAny: vega-lite views are walked at any depth
  type View = Record<string, any>;
  const views = (spec: unknown): View[] => {
    const out: View[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        out.push(v as View);
        Object.values(v).forEach(walk);
      }
    };
    walk(spec);
    return out;
  };

  it('draws mean, p5 and p95 on one colour scale spanning all three (3 to 7 MPa by hand)', async () => {
    const spec = toleranceMapsSpec({ result: study, stack, state: 'loadUp', cells: 'image' });
    const bars = views(spec).filter((v) => typeof v.name === 'string' && v.name.startsWith('colour_bar'));
    expect(bars).toHaveLength(1);
    const strip = bars[0].layer[0].data.values[0];
    // p5 is 3 MPa where in contact (its x < 35 mm strip is open, value 0, and not in the range); p95 reaches 7
    expect([strip.lo, strip.hi]).toEqual([3, 7]);
    const svg = await figureSvg(spec);
    expect(svg).toContain('synthetic — pressure spread, 21 draws, seed 3, after load-up');
    expect(svg).toContain('2 of 21 draws failed and are left out: draws 3, 17');
    expect(svg).toContain('>p [MPa]<');
    // p5 of the fixture: 9.5 % open (x = 25 … 34 stand for 25 … 34.5 mm of the 100 mm footprint)
    expect(svg).toContain('p5: mean');
    expect(svg).toContain('9.5 % open');
  });

  it('draws P(contact) on its own 0–1 scale, grey only where no draw had contact', async () => {
    const spec = toleranceContactSpec({ result: study, stack, state: 'loadUp', cells: 'image' });
    const bar = views(spec).find((v) => v.name === 'colour_bar_pc');
    expect([bar?.layer[0].data.values[0].lo, bar?.layer[0].data.values[0].hi]).toEqual([0, 1]);
    const svg = await figureSvg(spec);
    expect(svg).toContain('>P(contact) [-]<');
    expect(svg).toContain('probability of contact, 21 draws, seed 3');
    // P = 0.2 on x < 35 mm: in contact in some draws, so not grey; every draw elsewhere: 90.5 %
    expect(svg).toContain('in contact in every draw: 90.5 % of the footprint');
    const g = contactProbabilityGrid({
      ...study.maps.loadUp!.contactProbability,
      values: Float64Array.from([0, 0.5, 1, 0]),
    });
    expect([...g.contact]).toEqual([0, 1, 1, 0]);
  });

  it('counts draws in round bins, each draw once', () => {
    // 0.30, 0.31, … 0.50 without 0.33 and 0.47 (draws 3 and 17 failed): 19 values
    const values = Array.from({ length: 21 }, (_, i) => 0.3 + 0.01 * i).filter((_, i) => i !== 3 && i !== 17);
    const bins = countHistogram(values);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(19);
    // √19 → 5 bins over 0.2: width 0.05 from 0.30: [0.30, 0.35) holds 0.30, 0.31, 0.32, 0.34
    expect(bins[0]).toEqual({ v0: 0.3, v1: 0.35, count: 4 });
    // then 0.35 … 0.39, 0.40 … 0.44, 0.45 … 0.49 without 0.47, and 0.50 in the last bin, closed on the right
    expect(bins.map((b) => b.count)).toEqual([4, 5, 5, 4, 1]);
    // 100 draws over 0.27 … 0.481: √100 = 10 bins want 0.0211 wide; 0.02 gives 10.5 of them, 0.05
    // (the next round width up) only 4
    const hundred = Array.from({ length: 100 }, (_, i) => 0.27 + 0.00213 * i);
    const fine = countHistogram(hundred);
    expect(fine[0].v1 - fine[0].v0).toBeCloseTo(0.02, 12);
    expect(fine.reduce((s, b) => s + b.count, 0)).toBe(100);
    // one draw: a bin 2 % of the value wide, rounded up to 0.01
    expect(countHistogram([0.4])).toEqual([{ v0: 0.4, v1: 0.41, count: 1 }]);
    expect(shareMeeting(values, { metric: 'cov', max: 0.35 })).toBeCloseTo(5 / 19, 12);
    expect(shareMeeting(values, { metric: 'cov', min: 0.395, max: 0.445 })).toBeCloseTo(5 / 19, 12);
  });

  it('marks p5, p50, p95 and the CoV target on the histogram, with P(target)', async () => {
    const spec = toleranceHistogramSpec({ result: study, state: 'loadUp' });
    const svg = await figureSvg(spec);
    expect(svg).toContain('synthetic — CoV over the draws, 21 draws, seed 3, after load-up');
    for (const t of ['p5 0.310', 'p50 0.400', 'p95 0.490', 'target 0.350']) expect(svg).toContain(t);
    // CoV ≤ 0.35: draws 0, 1, 2, 4, 5 of the 19 solved
    expect(svg).toContain('P(CoV ≤ 0.350) = 26.3 %');
    expect(svg).toContain('>draws<');
    expect(svg).toContain('CoV of the pressure over the footprint [-]');
  });

  it('refuses a state the study has no maps for', () => {
    expect(() => toleranceMapsSpec({ result: study, stack, state: 'swollen' })).toThrow(/does not swell/);
  });
});
