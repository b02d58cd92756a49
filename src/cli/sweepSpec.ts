import { InvalidArgumentError } from 'commander';
import { type Factor, pathKeys, type Range } from '../case/variants';
import { InputError } from '../validation/parseInput';
import { deeperThan } from './parseCaseText';
import { maxNesting } from './yamlDocument';

/** A decimal number, as in flatness maps: `Number()` would also take `0x10`, `0b101`, `0o7` and `Infinity`. */
const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A `--vary` value: a number when it reads as a decimal one, else JSON, else the text itself. */
function value(s: string): unknown {
  const t = s.trim();
  if (decimal.test(t)) {
    if (!Number.isFinite(Number(t)))
      throw new InvalidArgumentError(`--vary value ${t} is out of range for a number`);
    return Number(t);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return t;
  }
  if (deeperThan(parsed, maxNesting))
    throw new InvalidArgumentError(
      `--vary value nests deeper than ${maxNesting} levels — at most ${maxNesting}`,
    );
  return parsed;
}

/** `path` when it is a case path; commander's error (exit 2) naming the option and path otherwise. */
function casePath(option: string, path: string): string {
  try {
    pathKeys(path);
  } catch (e) {
    if (e instanceof InputError) throw new InvalidArgumentError(`${option} ${e.issues.join('; ')}`);
    throw e;
  }
  return path;
}

/** commander parser for repeated `--vary path=v1,v2,...`. */
export function varyOption(v: string, previous: Factor[] = []): Factor[] {
  const m = /^([^=]+)=(.+)$/.exec(v);
  if (!m)
    throw new InvalidArgumentError(
      `--vary must read path=v1,v2,... (e.g. plates.top.thickness=20,25,30), got "${v}"`,
    );
  return [...previous, { path: casePath('--vary', m[1].trim()), values: m[2].split(',').map(value) }];
}

/** commander parser for repeated `--range path=lo:hi[:int]`. */
export function rangeOption(v: string, previous: Range[] = []): Range[] {
  const m = /^([^=]+)=([^:]+):([^:]+)(:int)?$/.exec(v);
  const bound = (s: string | undefined) =>
    s !== undefined && decimal.test(s.trim()) ? Number(s) : Number.NaN;
  const lo = bound(m?.[2]);
  const hi = bound(m?.[3]);
  if (!m || !Number.isFinite(lo) || !Number.isFinite(hi) || !(hi >= lo)) {
    throw new InvalidArgumentError(
      `--range must read path=lo:hi with lo ≤ hi, or path=lo:hi:int for whole numbers, got "${v}"`,
    );
  }
  return [...previous, { path: casePath('--range', m[1].trim()), lo, hi, integer: Boolean(m[4]) }];
}
