/** Levels of arrays and objects a shown value opens; deeper ones read `[…]` or `{…}`. */
const maxDepth = 3;

/**
 * A short rendering of any value for a message, JSON-like (`{"E":1,"nu":0.3}`, `[1,2]`, `"25"`,
 * `Infinity`), cut to about `maxChars` characters. It only ever looks at as much of the value as
 * it prints, so a deeply nested, huge or cyclic value costs no more than a small one, and it
 * never throws: a hostile input must not turn an error message into a crash.
 */
export function shownValue(v: unknown, maxChars = 60): string {
  if (v === undefined) return 'missing';
  const out: string[] = [];
  let used = 0;
  // false once the budget is spent: the caller then marks the cut
  const put = (s: string): boolean => {
    out.push(s);
    used += s.length;
    return used <= maxChars;
  };
  const walk = (x: unknown, depth: number): boolean => {
    switch (typeof x) {
      case 'number':
      case 'boolean':
      case 'bigint':
        return put(String(x));
      case 'string':
        // cut before quoting, so a megabyte string is never copied whole
        return put(JSON.stringify(x.length > maxChars ? x.slice(0, maxChars) : x));
      case 'undefined':
        return put('null');
      case 'object':
        break;
      default:
        return put(typeof x);
    }
    if (x === null) return put('null');
    if (Array.isArray(x)) {
      if (depth >= maxDepth) return put(x.length === 0 ? '[]' : '[…]');
      if (!put('[')) return false;
      for (let i = 0; i < x.length; i++) {
        if (i > 0 && !put(',')) return false;
        if (!walk(x[i], depth + 1)) return false;
      }
      return put(']');
    }
    if (depth >= maxDepth) return put('{…}');
    if (!put('{')) return false;
    let first = true;
    for (const k in x) {
      if (!Object.hasOwn(x, k)) continue;
      if (!first && !put(',')) return false;
      first = false;
      if (!put(`${JSON.stringify(k.length > maxChars ? k.slice(0, maxChars) : k)}:`)) return false;
      if (!walk((x as Record<string, unknown>)[k], depth + 1)) return false;
    }
    return put('}');
  };
  try {
    if (walk(v, 0)) return out.join('');
  } catch {
    // a getter or proxy that throws: show what was gathered so far
  }
  const s = out.join('');
  return `${s.slice(0, Math.max(0, maxChars - 3))}...`;
}
