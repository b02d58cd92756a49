import type { FastenerDesign } from '../../module/fasteners';
import type { DesignMargins } from '../../module/optimiser';
import type { PlateSizing } from '../../module/plateSizing';

/** What the margins table reads of an optimised design. */
export interface DesignMarginSource {
  margins: DesignMargins;
  result: {
    plate: Pick<PlateSizing, 'deflectionMm' | 'allowedDeflectionMm' | 'stressMPa' | 'allowableStressMPa'>;
    fasteners?: Pick<FastenerDesign, 'requiredForceN' | 'capacityN'>;
    stack: { stackHeightMm: number };
  };
}

/** Three significant digits without exponents: a margin table is read, not parsed (design.json has every digit). */
function quantity(v: number, unit: string): string {
  if (!Number.isFinite(v)) return 'no limit';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return `${v.toFixed(digits)} ${unit}`;
}

/** Two decimals: the optimiser keeps every margin ≥ 1, so float noise such as 1.0000000000000002 reads 1.00. */
function ratio(m: number): string {
  return Number.isFinite(m) ? m.toFixed(2) : '—';
}

/**
 * The margins of a design as a terminal table: per limit the margin (allowed ÷ actual [-], ≥ 1 meets
 * it), the allowed and the actual value with units (deflection and height in mm, stress in MPa,
 * bolt force per module in N).
 */
export function designMarginsTable(d: DesignMarginSource): string {
  const { plate, fasteners, stack } = d.result;
  const rows: string[][] = [
    ['limit', 'margin', 'allowed', 'actual'],
    [
      'plate deflection',
      ratio(d.margins.deflection),
      quantity(plate.allowedDeflectionMm, 'mm'),
      quantity(plate.deflectionMm, 'mm'),
    ],
    [
      'plate stress',
      ratio(d.margins.stress),
      quantity(plate.allowableStressMPa, 'MPa'),
      quantity(plate.stressMPa, 'MPa'),
    ],
    [
      'bolt force',
      ratio(d.margins.bolts),
      fasteners ? quantity(fasteners.capacityN, 'N') : '—',
      fasteners ? quantity(fasteners.requiredForceN, 'N') : '—',
    ],
    [
      'stack height',
      ratio(d.margins.stackHeight),
      // the height limit is not part of the result; the margin is limit ÷ height
      quantity(d.margins.stackHeight * stack.stackHeightMm, 'mm'),
      quantity(stack.stackHeightMm, 'mm'),
    ],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    `  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`.trimEnd();
  return ['margins (allowed ÷ actual; ≥ 1 meets the limit):', ...rows.map(line)].join('\n');
}
