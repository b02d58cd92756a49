import { type PadRelaxationLaw, pronyOfLogarithmicLaw, setFractionOfCompressionSet } from './padRelaxation';

/**
 * Pad elastomer presets: stress relaxation, compression set and linear thermal expansion α [1/K].
 *
 * Where the data are scarce, and what was chosen:
 * - **Relaxation rates.** No ISO 3384 / ASTM D6147 compression stress-relaxation curve of a silicone,
 *   EPDM or polyurethane pad compound at service temperature was found in the references at hand.
 *   Physical relaxation of vulcanised rubber near room temperature is of the order of a few per cent of
 *   the stress per decade of time (the order the rubber design texts give: Gent (ed.), Engineering with
 *   Rubber, 3rd ed., Hanser 2012; Brown, Physical Testing of Rubber, 4th ed., Springer 2006; an order of
 *   magnitude, not a figure of either). Silicone 2 % and EPDM 3 % per decade are chosen in that range,
 *   not measured: replace them with the pad supplier's ISO 3384 curve where there is one. Polyurethane's rate is derived from a measured
 *   room-temperature compression set (below) with the dual-network assumption that the set is the
 *   relaxation (φ = 1): r = C / log10(1 + t_hold/t0).
 * - **Compression set.** ASTM D395 method B figures are mostly measured hot (70–175 °C), where chemical
 *   relaxation dominates; the silicone and EPDM figures are typical ranges at 100 °C / 22 h from a standards
 *   glossary (ASTM D395 itself lists no typical values), the polyurethane one a grade's data sheet. With the
 *   room-temperature laws above they ask for more set than the law relaxes, so φ is capped at 1 (all the
 *   relaxed stress is kept as set): the conservative end for a pad that must spring back as cells shrink.
 * - Every law starts at t0 = 0.1 h (relaxation within the first minutes belongs to load-up) and is fitted
 *   to 1e5 h (11.4 years, a module's life); past that it levels off.
 */
export interface PadElastomer {
  description: string;
  relaxation: { perDecade: number; t0: number; tMax: number; source: string };
  compressionSet: { value: number; holdHours: number; temperatureC: number; source: string };
  /** linear thermal expansion [1/K] */
  alpha: { value: number; source: string };
}

const T0 = 0.1;
const HORIZON = 1e5;

/** Texin 250 TPU, ASTM D395-B as moulded: 20 % after 22 h at 23 °C. */
const polyurethaneSet = {
  value: 0.2,
  holdHours: 22,
  temperatureC: 23,
  source:
    'Bayer MaterialScience (Covestro), Texin 250 TPU data sheet: compression set ASTM D395-B, 22 h at 73 °F (23 °C), as moulded, 20 % (15 % post-cured; 75 % at 158 °F)',
};

export const padElastomers = {
  silicone: {
    description: 'solid silicone rubber (VMQ) pad',
    relaxation: {
      perDecade: 0.02,
      t0: T0,
      tMax: HORIZON,
      source:
        'chosen: 2 % per decade, low in the few-per-cent-per-decade range of physical relaxation (Gent 2012; Brown 2006); no ISO 3384 curve of a silicone pad found',
    },
    compressionSet: {
      value: 0.25,
      holdHours: 22,
      temperatureC: 100,
      source:
        'ASTM D395-18 method B typical values at 100 °C / 22 h: silicone 25–40 % (PTI LATAM standards glossary, "ASTM D395"); the low end, post-cured grades',
    },
    alpha: {
      value: 3.0e-4,
      source:
        'unfilled silicone rubber "exceeding 300 × 10⁻⁶ /°C" (Engineering Niche, "Designing rubber and elastomeric materials to accommodate thermal expansion"); reinforcing fillers lower it by 30–50 % by the same source, so this is the upper end',
    },
  },
  epdm: {
    description: 'EPDM rubber pad',
    relaxation: {
      perDecade: 0.03,
      t0: T0,
      tMax: HORIZON,
      source:
        'chosen: 3 % per decade, mid-range of physical relaxation of filled vulcanisates (Gent 2012; Brown 2006); no ISO 3384 curve of an EPDM pad found',
    },
    compressionSet: {
      value: 0.25,
      holdHours: 22,
      temperatureC: 100,
      source:
        'ASTM D395-18 method B typical values at 100 °C / 22 h: EPDM 15–30 % (PTI LATAM standards glossary, "ASTM D395")',
    },
    alpha: {
      value: 160e-6,
      source:
        'EPDM rubber, typical vulcanisate properties: linear thermal expansion 160 µm/(m·K) (Wikipedia, "EPDM rubber")',
    },
  },
  polyurethane: {
    description: 'polyurethane elastomer pad (TPU)',
    relaxation: {
      perDecade: polyurethaneSet.value / Math.log10(1 + polyurethaneSet.holdHours / T0),
      t0: T0,
      tMax: HORIZON,
      source:
        'derived: the 22 h, 23 °C ASTM D395-B set of Texin 250 (20 %) taken as its relaxation, r = 0.20 / log10(1 + 22/0.1) = 0.0853 per decade',
    },
    compressionSet: polyurethaneSet,
    alpha: {
      value: 7.0e-5 * 1.8,
      source:
        'Bayer MaterialScience (Covestro), Texin 250 TPU data sheet: coefficient of linear thermal expansion ASTM D696, 7.0e-5 in/in/°F = 1.26e-4 /K',
    },
  },
} satisfies Record<string, PadElastomer>;

export type PadElastomerName = keyof typeof padElastomers;
export const padElastomerNames = Object.keys(padElastomers) as [PadElastomerName, ...PadElastomerName[]];

/** The elastomer the history uses for a pad that names none. */
export const DEFAULT_PAD_ELASTOMER: PadElastomerName = 'silicone';

/** The preset's relaxation law: the log law as Prony terms, φ from its compression set (capped at 1). */
export function padElastomerLaw(name: PadElastomerName): PadRelaxationLaw {
  const e: PadElastomer = padElastomers[name];
  const { perDecade, t0, tMax } = e.relaxation;
  const law = pronyOfLogarithmicLaw(perDecade, t0, tMax, 0, `${name} preset: ${e.relaxation.source}`);
  const set = e.compressionSet;
  return { ...law, setFraction: setFractionOfCompressionSet(law, set.value, set.holdHours) };
}

/** Linear thermal expansion α [1/K] of the elastomer. */
export function padElastomerAlpha(name: PadElastomerName): number {
  return padElastomers[name].alpha.value;
}
