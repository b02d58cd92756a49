/** Issues listed in one error; a wholly wrong input would otherwise print thousands of lines. */
export const maxIssuesListed = 20;

/**
 * The issues with repeats removed (first occurrence kept, order kept) and cut to `max`, the cut
 * said in a last line of the same `field: value — what` form as the others, `at` standing for the field.
 */
export function distinctIssues(issues: readonly string[], max = maxIssuesListed, at = '(case)'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  let dropped = 0;
  for (const m of issues) {
    if (seen.has(m)) continue;
    seen.add(m);
    if (out.length < max) out.push(m);
    else dropped++;
  }
  if (dropped > 0)
    out.push(`${at}: ${dropped} more issue${dropped > 1 ? 's' : ''} — not listed; fix the ones above first`);
  return out;
}
