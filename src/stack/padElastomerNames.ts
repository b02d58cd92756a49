/** The pad elastomers with presets (`padElastomers.ts`), apart from their laws so the case schema loads no numerics. */
export const padElastomerNames = ['silicone', 'epdm', 'polyurethane'] as const;
export type PadElastomerName = (typeof padElastomerNames)[number];
export const DEFAULT_PAD_ELASTOMER: PadElastomerName = 'silicone';
