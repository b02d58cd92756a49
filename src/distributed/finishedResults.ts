/**
 * The results this worker finished last, as the JSON it returned, keyed by input hash: a small
 * LRU bounded both in count and in characters. After a Redis restart loses a job whose case was
 * solved here, the re-queued job is answered from this store instead of being solved again.
 */
export class FinishedResults {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  /** `maxEntries` results and `maxChars` characters of JSON at most (≈ bytes: the JSON is mostly base64) */
  constructor(
    private readonly maxEntries = 32,
    private readonly maxChars = 64 * 2 ** 20,
  ) {}

  get(hash: string): string | undefined {
    const json = this.entries.get(hash);
    if (json !== undefined) {
      // most recently used last
      this.entries.delete(hash);
      this.entries.set(hash, json);
    }
    return json;
  }

  set(hash: string, json: string): void {
    const old = this.entries.get(hash);
    if (old !== undefined) {
      this.entries.delete(hash);
      this.chars -= old.length;
    }
    if (json.length > this.maxChars) return; // larger than the whole store: not kept
    this.entries.set(hash, json);
    this.chars += json.length;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= v.length;
    }
  }

  /** Every kept result, least recently used first. */
  all(): [hash: string, json: string][] {
    return [...this.entries];
  }
}
