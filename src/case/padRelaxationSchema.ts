import { z } from 'zod';
import { DEFAULT_PAD_ELASTOMER, padElastomerNames } from '../stack/padElastomerNames';
import { quantity } from './quantity';
import { list } from './schemaParts';

/**
 * A gasket's optional relaxation fields: what it is made of and how it relaxes and sets in a history.
 * The elastic law (`law`) stays the instantaneous one; these add time.
 */

export const elastomerSchema = z
  .enum(padElastomerNames)
  .optional()
  .meta({
    description: `pad material (${padElastomerNames.join(', ')}), for its relaxation, set and thermal expansion in a history; ${DEFAULT_PAD_ELASTOMER} when absent`,
  });

/** A Prony series longer than this adds nothing a pad's data could tell apart. */
const maxPronyTerms = 20;

const setFraction = quantity(
  '',
  'share of the stress relaxed under compression that is never recovered after release (0 recovers fully, 1 keeps all the set)',
  { gte: 0, lte: 1 },
).default(0);

const pronyRelaxation = z
  .object({
    type: z.literal('prony'),
    terms: list(
      z
        .object({
          weight: quantity('', 'share g_i of the instantaneous stress that relaxes with this term', {
            gte: 0,
            lte: 1,
          }),
          // 0.36 s (below it the term is part of load-up) to about 1000 years (a term that never relaxes)
          tau: quantity('h', 'relaxation time τ_i', { gte: 1e-4, lte: 1e7 }),
        })
        .strict(),
      1,
      maxPronyTerms,
    ).meta({
      description: `G(t) = 1 − Σ weight (1 − exp(−t/τ)); the weights sum to at most 1 (1 to ${maxPronyTerms} terms)`,
    }),
    setFraction,
  })
  .strict()
  .superRefine((r, ctx) => {
    const sum = r.terms.reduce((s, t) => s + t.weight, 0);
    if (sum > 1 + 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['terms'],
        message: `weights sum to ${Number(sum.toPrecision(12))} — must be <= 1 (the long-term share 1 − Σ weight cannot be negative)`,
      });
  });

const logarithmicRelaxation = z
  .object({
    type: z.literal('logarithmic'),
    // rubbers relax 1–10 % per decade near room temperature; 0.3 would relax a pad fully in three decades
    perDecade: quantity('', 'share of the instantaneous stress lost per decade of time (0.03 = 3 %)', {
      gte: 0,
      lte: 0.3,
    }),
    // 3.6 s (an instrument's first reading) to 100 h
    t0: quantity('h', 'time before which the pad has hardly relaxed; G = 1 − perDecade·log10(1 + t/t0)', {
      gte: 1e-3,
      lte: 100,
    }).default(0.1),
    // 1 h to 114 years; the Prony fit levels off past it
    horizon: quantity('h', 'longest time the law is fitted to', { gte: 1, lte: 1e6 }).default(1e5),
    setFraction,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.horizon <= r.t0) {
      ctx.addIssue({
        code: 'custom',
        path: ['horizon'],
        message: `${r.horizon} h — must be > t0 (${r.t0} h)`,
      });
      return;
    }
    const total = r.perDecade * Math.log10(1 + r.horizon / r.t0);
    if (total >= 1)
      ctx.addIssue({
        code: 'custom',
        path: ['perDecade'],
        message: `${r.perDecade} relaxes the pad by ${total.toFixed(3)} of its stress by ${r.horizon} h — must be < 1 (lower it, raise t0 or shorten the horizon)`,
      });
  });

export const padRelaxationSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('preset') }).strict(),
    z.object({ type: z.literal('none') }).strict(),
    pronyRelaxation,
    logarithmicRelaxation,
  ])
  .optional()
  .meta({
    description:
      "stress relaxation and compression set in a history: the elastomer's preset (also when absent), none (elastic), a Prony series or a logarithmic law",
  });

export type PadRelaxationCase = z.output<typeof padRelaxationSchema>;
