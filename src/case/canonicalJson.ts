/**
 * JSON with object keys sorted and undefined members dropped, so two inputs that describe the
 * same case give the same text whatever their key order or formatting. Browser-safe: the CLI
 * hashes it (`inputHash`), the viewer compares it (`inputKey`).
 */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
