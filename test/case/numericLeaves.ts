/** Every number in a JSON-like value with its JSON path (`plates.top.thickness`, `bolts.positions[2].x`). */
export function numericLeaves(v: unknown, at = ''): [string, number][] {
  if (typeof v === 'number') return [[at, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => numericLeaves(x, `${at}[${i}]`));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => numericLeaves(x, at ? `${at}.${k}` : k));
  return [];
}
