import { createHash } from 'node:crypto';
import { canonicalJson } from '../case/canonicalJson';

/** sha256 (hex) of a resolved case, independent of key order and formatting; resuming compares it. */
export function inputHash(raw: unknown): string {
  return createHash('sha256').update(canonicalJson(raw)).digest('hex');
}
