import { InvalidArgumentError } from 'commander';
import type { Factor, Range } from '../case/variants';

/** A `--vary` value: a number when it reads as one, else JSON, else the text itself. */
function value(s: string): unknown {
  const t = s.trim();
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}

/** commander parser for repeated `--vary path=v1,v2,...`. */
export function varyOption(v: string, previous: Factor[] = []): Factor[] {
  const m = /^([^=]+)=(.+)$/.exec(v);
  if (!m)
    throw new InvalidArgumentError(
      `--vary must read path=v1,v2,... (e.g. plates.top.thickness=20,25,30), got "${v}"`,
    );
  return [...previous, { path: m[1].trim(), values: m[2].split(',').map(value) }];
}

/** commander parser for repeated `--range path=lo:hi[:int]`. */
export function rangeOption(v: string, previous: Range[] = []): Range[] {
  const m = /^([^=]+)=([^:]+):([^:]+)(:int)?$/.exec(v);
  const lo = Number(m?.[2]);
  const hi = Number(m?.[3]);
  if (!m || !Number.isFinite(lo) || !Number.isFinite(hi) || !(hi >= lo)) {
    throw new InvalidArgumentError(
      `--range must read path=lo:hi with lo ≤ hi, or path=lo:hi:int for whole numbers, got "${v}"`,
    );
  }
  return [...previous, { path: m[1].trim(), lo, hi, integer: Boolean(m[4]) }];
}
