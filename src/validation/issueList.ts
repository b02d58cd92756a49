/** Issues listed in one error; a wholly wrong input would otherwise print thousands of lines. */
export const maxIssuesListed = 20;

/**
 * Issues gathered up to a limit: the first `max` distinct messages are kept in order, repeats are
 * dropped, and the rest are only counted. A producer that may find a great many (a map of a
 * million bad values) checks `full` and calls `skip()` instead of forming each message, so the
 * cost stays in proportion to what is printed. Beyond the limit repeats are not recognised, so the
 * count may include some.
 */
export class IssueList {
  private readonly seen = new Set<string>();
  private readonly kept: string[] = [];
  private more = 0;

  constructor(private readonly max = maxIssuesListed) {}

  /** whether further issues are only counted */
  get full(): boolean {
    return this.kept.length >= this.max;
  }

  /** issues found: those kept and those counted */
  get size(): number {
    return this.kept.length + this.more;
  }

  add(message: string): void {
    if (this.full) {
      this.more++;
      return;
    }
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.kept.push(message);
  }

  /** count `n` issues without their messages */
  skip(n = 1): void {
    this.more += n;
  }

  /**
   * The kept messages, then — if some were only counted — a last line in the same
   * `field: value — what` form, `at` standing for the field.
   */
  lines(at = '(case)'): string[] {
    if (this.more === 0) return [...this.kept];
    const s = this.more > 1 ? 's' : '';
    return [...this.kept, `${at}: ${this.more} more issue${s} — not listed; fix the ones above first`];
  }
}

/** The issues with repeats removed (first occurrence kept, order kept), cut to `max` (see `IssueList`). */
export function distinctIssues(issues: readonly string[], max = maxIssuesListed, at = '(case)'): string[] {
  const list = new IssueList(max);
  for (const m of issues) list.add(m);
  return list.lines(at);
}
