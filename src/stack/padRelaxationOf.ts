import type { PadRelaxationCase } from '../case/padRelaxationSchema';
import { DEFAULT_PAD_ELASTOMER, type PadElastomerName } from './padElastomerNames';
import { padElastomerLaw } from './padElastomers';
import { type PadRelaxationLaw, pronyOfLogarithmicLaw } from './padRelaxation';

/** Turn a gasket's `elastomer` and `relaxation` fields into a relaxation law (preset of silicone when both are absent). */
export function resolvePadRelaxation(gasket: {
  elastomer?: PadElastomerName;
  relaxation?: PadRelaxationCase;
}): PadRelaxationLaw {
  const name = gasket.elastomer ?? DEFAULT_PAD_ELASTOMER;
  const r = gasket.relaxation;
  if (!r || r.type === 'preset') return padElastomerLaw(name);
  if (r.type === 'none') return { gInf: 1, terms: [], setFraction: 0, source: 'none: elastic pad' };
  if (r.type === 'prony') {
    const sum = r.terms.reduce((s, t) => s + t.weight, 0);
    return {
      // the schema allows a sum up to 1 + 1e-9: keep g∞ at 0 then
      gInf: Math.max(0, 1 - sum),
      terms: r.terms.map((t) => ({ g: t.weight / Math.max(1, sum), tau: t.tau })),
      setFraction: r.setFraction,
      source: 'case Prony series',
    };
  }
  return pronyOfLogarithmicLaw(
    r.perDecade,
    r.t0,
    r.horizon,
    r.setFraction,
    `case logarithmic law, ${r.perDecade} per decade from ${r.t0} h`,
  );
}
