import { type Command, InvalidArgumentError, Option } from 'commander';
import { namedCells } from '../../cell/presets';
import type { ModuleOptions } from './moduleAction';

const positive = (name: string) => (v: string) => {
  const x = Number(v);
  if (!Number.isFinite(x) || x <= 0)
    throw new InvalidArgumentError(`${name} must be a positive number, got "${v}"`);
  return x;
};

const nonNegative = (name: string) => (v: string) => {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < 0)
    throw new InvalidArgumentError(`${name} must be a number ≥ 0, got "${v}"`);
  return x;
};

const list = (v: string) => v.split(',').map((s) => positive('each system size [kWh]')(s.trim()));

const footprint = (v: string): [number, number] => {
  const m = /^\s*([\d.]+)\s*[x×]\s*([\d.]+)\s*$/i.exec(v);
  if (!m) throw new InvalidArgumentError(`footprint must read WIDTHxLENGTH in mm, e.g. 100x300, got "${v}"`);
  return [positive('footprint width [mm]')(m[1]), positive('footprint length [mm]')(m[2])];
};

/** Former preset names, still accepted by --cell (not listed): the current name of each. */
const formerCellNames: Record<string, string> = {
  'seed004-5': 'liu2019-5',
  'seed004-10': 'liu2019-10',
  'seed004-20': 'liu2019-20',
  'seed001-li': 'ncm811-li-30um-separator',
  'seed001-anode-free': 'anode-free-ncm811',
  'seed000-li': 'ncm811-li-40um',
};

/** The preset name a --cell value stands for (a former name maps to its current one); others are refused. */
const cellPreset = (v: string): string => {
  const name = Object.hasOwn(formerCellNames, v) ? formerCellNames[v] : v;
  if (!Object.hasOwn(namedCells, name))
    throw new InvalidArgumentError(`"${v}" is not one of ${Object.keys(namedCells).join(', ')}`);
  return name;
};

/** `stackpress module`: cell-to-module efficiency sweeps (plates-only or full mode) and the design optimiser. */
export function registerModuleCommand(program: Command): void {
  program
    .command('module')
    .description(
      'cell-to-module conversion efficiency vs stack pressure and system size (Tan et al. Fig 5d–f)',
    )
    .option(
      '--plates-only',
      "Tan et al.'s method: cells and two Roark-sized end plates, nothing else counted",
    )
    // the former name of --plates-only, kept so existing scripts still run
    .addOption(new Option('--seed-mode').hideHelp().implies({ platesOnly: true }))
    .option('--out <dir>', 'output folder for CSV and SVG', 'results/module')
    .option('--systems <kWh,...>', 'system sizes [kWh]', list, [1, 10, 20])
    .option('--p-min <MPa>', 'lowest stack pressure [MPa]', positive('--p-min'), 1)
    .option('--p-max <MPa>', 'highest stack pressure [MPa]', positive('--p-max'), 100)
    .option('--points <n>', 'log-spaced pressures in the sweep', positive('--points'), 41)
    .option(
      '--cell <preset>',
      `take Wh/kg and Wh/L from a cell preset (pouch level): ${Object.keys(namedCells).join(', ')}`,
      cellPreset,
    )
    .option(
      '--cell-wh-kg <Wh/kg>',
      'cell gravimetric energy density [Wh/kg] (default: 360 plates-only, 350 full)',
      positive('--cell-wh-kg'),
    )
    .option(
      '--cell-wh-l <Wh/L>',
      'cell volumetric energy density [Wh/L] (default: 932 plates-only, 750 full)',
      positive('--cell-wh-l'),
    )
    .option('--footprint <WxL>', 'cell footprint per module [mm] (default: 100x300)', footprint)
    .addOption(
      new Option('--edge <edge>', 'plate edge condition (default: simply-supported)').choices([
        'simply-supported',
        'clamped',
      ]),
    )
    .option(
      '--deflection-limit <N>',
      'plate deflection limit L/N: 500 (Tan et al.), 360, 240',
      positive('--deflection-limit'),
    )
    .addOption(
      new Option('--span <side>', 'plate span L in L/N (default: short-side)').choices([
        'short-side',
        'long-side',
      ]),
    )
    .option('--plates <n>', 'end plates per module (default: 2)', positive('--plates'))
    .option('--e <MPa>', "plates-only mode: plate Young's modulus [MPa] (default: 200000)", positive('--e'))
    .option('--nu <nu>', "plates-only mode: plate Poisson's ratio (default: 0.3)", Number)
    .option(
      '--density <kg/m3>',
      'plates-only mode: plate density [kg/m³] (default: 7850)',
      positive('--density'),
    )
    .option(
      '--plate-margin <mm>',
      'plates-only mode: end plates reach this far past the footprint on every side, bolted on their edge [mm] (default: 0)',
      nonNegative('--plate-margin'),
    )
    .option(
      '--max-stack-height <mm>',
      'tallest stack per module [mm] (full default 400; plates-only: one stack)',
      positive('--max-stack-height'),
    )
    .option('--plate-material <name>', 'full mode: carbon-steel, al-6061-t6, ti-6al-4v, …')
    .option('--bolt-material <name>', 'full mode: 8.8, 10.9, 12.9, A2-70, ti-6al-4v')
    .option(
      '--bolt-safety-factor <sf>',
      'full mode: on bolt yield (default: 1.5)',
      positive('--bolt-safety-factor'),
    )
    .option(
      '--plate-safety-factor <sf>',
      'full mode: on plate yield, 0 = no stress check (default: 1.5)',
      Number,
    )
    .addOption(
      new Option(
        '--plate-sizing <method>',
        'full mode: size plates by Roark, or by the FE plate model with the real bolt layout (about 1–3 s per design: use a few --points)',
      )
        .choices(['roark', 'fe'])
        .default('roark'),
    )
    .option('--no-springs', 'full mode: leave out the disc springs')
    .option('--no-gaskets', 'full mode: leave out the rubber gaskets')
    .addOption(
      new Option(
        '--optimise <objective>',
        'optimise one design (full mode) for --system and --pressure',
      ).choices(['mass', 'volume']),
    )
    .option('--system <kWh>', 'system size for --optimise [kWh]', positive('--system'))
    .option('--pressure <MPa>', 'stack pressure for --optimise [MPa]', positive('--pressure'))
    .action(async (opts: ModuleOptions) => {
      // loaded only when the command runs: `--help` and the other commands never pay for it
      const { runModule } = await import('./moduleAction');
      await runModule(opts);
    });
}
