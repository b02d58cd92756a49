import { describe, expect, it } from 'vitest';
import { planToleranceStudy, runToleranceStudy } from '../../src/tolerance/toleranceStudy';
import { InputError } from '../../src/validation/parseInput';
import { type CaseJson, coarseDefault } from './studyCases';

/** The InputError a study of `raw` throws, as text; fails when it throws anything else or nothing. */
function inputError(raw: unknown, options: { samples?: number; seed?: number } = {}): string {
  try {
    runToleranceStudy(raw, options);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('no InputError');
}

const withBlock = (block: unknown, edit: (c: CaseJson) => void = () => {}) => {
  const c = coarseDefault();
  c.tolerances = block;
  edit(c);
  return c;
};

describe('hostile study input is an InputError naming the field, value, unit and what is allowed', () => {
  it.each([
    [0, /tolerances\.samples: 0 — must be a whole number and >= 1 and <= 1000/],
    [1e9, /tolerances\.samples: 1000000000 — must be a whole number and >= 1 and <= 1000/],
    [Number.NaN, /tolerances\.samples: NaN — must be a finite whole number >= 1 and <= 1000/],
    [-3, /tolerances\.samples: -3 — /],
    [2.5, /tolerances\.samples: 2\.5 — must be a whole number/],
    [Number.POSITIVE_INFINITY, /tolerances\.samples: Infinity — /],
  ])('samples %s, as --samples and in the block', (samples, message) => {
    expect(inputError(coarseDefault(), { samples })).toMatch(message);
    expect(inputError(withBlock({ samples }))).toMatch(message);
  });

  it('a seed out of the 32-bit range, or not a number', () => {
    expect(inputError(coarseDefault(), { seed: -1 })).toMatch(
      /tolerances\.seed: -1 — must be a whole number and >= 0 and <= 2147483647/,
    );
    expect(inputError(coarseDefault(), { seed: 2 ** 31 })).toMatch(/tolerances\.seed: 2147483648/);
    expect(inputError(withBlock({ seed: '7' }))).toMatch(/tolerances\.seed: "7" — must be a whole number/);
  });

  it('a negative or huge thickness sd, in mm', () => {
    expect(inputError(withBlock({ padThickness: { sd: -0.1 } }))).toMatch(
      /tolerances\.padThickness\.sd: -0\.1 mm — must be >= 0 and <= 10/,
    );
    expect(inputError(withBlock({ cellThickness: { sd: 1e6 } }))).toMatch(
      /tolerances\.cellThickness\.sd: 1000000 mm — must be >= 0 and <= 10/,
    );
  });

  it('an unknown metric, a target without bounds or with min above max, an unknown key', () => {
    expect(inputError(withBlock({ targets: [{ metric: 'pressure', min: 1 }] }))).toMatch(
      /tolerances\.targets\[0\]\.metric: "pressure" — must be one of "meanPressure", "cov"/,
    );
    expect(inputError(withBlock({ targets: [{ metric: 'cov' }] }))).toMatch(
      /tolerances\.targets\[0\]: a target needs min, max or both/,
    );
    expect(inputError(withBlock({ targets: [{ metric: 'cov', min: 0.3, max: 0.1 }] }))).toMatch(
      /min 0\.3 > max 0\.1/,
    );
    expect(inputError(withBlock({ sampels: 10 }))).toMatch(/tolerances.*sampels/);
    expect(inputError(withBlock({ preload: { type: 'normal', cov: 0.5 } }))).toMatch(
      /tolerances\.preload\.cov: 0\.5 — must be >= 0 and <= 0\.3/,
    );
    expect(inputError(withBlock({ preload: { type: 'triangular', halfRange: 0.1 } }))).toMatch(
      /tolerances\.preload/,
    );
  });

  it("what the study cannot draw: the case's own wide scatter, noise without a map, pads that are absent", () => {
    expect(
      inputError(
        withBlock(undefined, (c) => {
          c.bolts.scatter = { type: 'normal', cov: 0.4, seed: 1 };
          delete c.bolts.springs;
        }),
      ),
    ).toMatch(/bolts\.scatter\.cov: 0\.4 — a study redraws it per draw as explicit factors/);
    expect(inputError(withBlock({ flatness: { mapNoise: { rms: 3, correlationLength: 20 } } }))).toMatch(
      /tolerances\.flatness\.mapNoise: 3 µm — no plate has a `map` flatness/,
    );
    expect(
      inputError(
        withBlock({ padThickness: { sd: 0.1 } }, (c) => {
          c.gaskets = [];
        }),
      ),
    ).toMatch(/tolerances\.padThickness\.sd: 0\.1 mm — the case has no pads/);
  });

  it('draws × map points beyond the memory limit', () => {
    const message = inputError(
      withBlock({ samples: 1000 }, (c) => {
        c.output.gridSpacing = 0.1;
      }),
    );
    expect(message).toMatch(
      /tolerances\.samples: 1000 — the study would need more than the 4096 MiB memory limit/,
    );
    // 1001 × 1001 points at 0.1 mm over the 100 mm footprint: 1000 × 1 002 001 × 2 × 8 B = 15 289 MiB
    expect(message).toMatch(
      /about 15 000 MiB of map values \(1000 draws × 1 M grid points × 2 load states × 8 B\)/,
    );
    // the same map with few draws fits
    expect(() =>
      planToleranceStudy(
        withBlock({ samples: 2 }, (c) => {
          c.output.gridSpacing = 0.1;
        }),
      ),
    ).not.toThrow();
  });

  it('not a case at all', () => {
    for (const raw of [null, [], 'default', 42]) expect(inputError(raw)).toMatch(/invalid case/);
  });
});

describe('first-order propagation is bounded', () => {
  it('refuses a flatness covariance over more footprint nodes than it may sum, before solving', () => {
    const c = coarseDefault();
    c.mesh.size = 0.5;
    const t = performance.now();
    let message = '';
    try {
      runToleranceStudy(c, { samples: 1, firstOrder: true });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      message = (e as Error).message;
    }
    // 201 × 201 footprint nodes at 0.5 mm
    expect(message).toMatch(
      /mesh\.size: 0\.5 mm — first-order propagation .* 40401 footprint nodes; at most 20000/,
    );
    // refused before the mean-input solve at 0.5 mm (about a minute) and before any draw
    expect(performance.now() - t).toBeLessThan(20_000);
  });
});
