import { type Document, isPair, isScalar, visit, type YAMLError } from 'yaml';
import { InputError } from '../validation/parseInput';
import { composeYaml, lineColumn, maxNesting } from './yamlDocument';

/** How a case file is written. */
export type CaseFormat = 'json' | 'yaml';

/** Alias uses a YAML case may make; more looks like an exponential-expansion ("billion laughs") attack. */
const maxAliasCount = 100;

/** `s`, cut to `n` characters: messages quote what is wrong, never a file's content at length. */
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);

const refuse = (file: string, issues: string[]): InputError => new InputError(`case file ${file}`, issues);

/**
 * Parse a case file's text into its raw case object. JSON must be strict JSON (JSON.parse), YAML
 * is YAML 1.2 with the core schema. Either way: a leading BOM is dropped; duplicate keys, nesting
 * deeper than 64 levels and anything but one object at the top are input errors; YAML custom
 * tags, several documents and alias bombs are refused too. Messages give the line and column but
 * never quote the file beyond the offending token, so a file that is not a case file (say, one
 * holding secrets) is not echoed into logs.
 */
export function parseCaseText(source: string, format: CaseFormat, file: string): Record<string, unknown> {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (text.trim() === '') throw refuse(file, [`${file}: is empty — must hold one case object`]);
  const value = format === 'json' ? parseJson(text, file) : parseYaml(text, file);
  if (deeperThan(value, maxNesting))
    throw refuse(file, [
      `${file}: nested deeper than ${maxNesting} levels (through YAML aliases) — at most ${maxNesting} levels of maps and lists`,
    ]);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const held = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    throw refuse(file, [
      `${file}: holds ${held} — must hold one case object (keys such as plates, stack, bolts)`,
    ]);
  }
  return value as Record<string, unknown>;
}

function parseJson(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw refuse(file, [jsonSyntaxIssue(text, e as Error, file)]);
  }
  // JSON.parse keeps the last of duplicate keys silently; yaml reads the same text and reports them
  const docs = composeYaml(text, 'json', file);
  const duplicates = docs.flatMap((doc) =>
    doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => duplicateIssue(doc, text, e, file)),
  );
  if (duplicates.length > 0) throw refuse(file, duplicates.slice(0, 10));
  return value;
}

/**
 * A JSON syntax error at its line and column. V8's message quotes a stretch of the text (`…"ab x"
 * is not valid JSON`); that part is dropped. Where V8 gives no position, yaml's reading of the
 * same text as JSON usually finds the offending token.
 */
function jsonSyntaxIssue(text: string, e: Error, file: string): string {
  const reason = e.message.replace(/, (?:\.\.\.)?".*$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  const at = /at position (\d+)/.exec(e.message);
  let offset = at ? Number(at[1]) : /end of JSON input/.test(e.message) ? text.length : -1;
  if (offset < 0) {
    // throws itself for a deeply nested file, which is the better message then
    const found = composeYaml(text, 'json', file).flatMap((doc) => doc.errors)[0];
    offset = found ? found.pos[0] : -1;
  }
  const where = offset >= 0 ? ` at ${lineColumn(text, offset)}` : '';
  return `${file}: not valid JSON${where} — ${clip(reason, 80)}`;
}

function parseYaml(text: string, file: string): unknown {
  const docs = composeYaml(text, 'core', file);
  if (docs.length > 1)
    throw refuse(file, [
      `${file}: holds ${docs.length} YAML documents (separated by ---) — must hold one case object`,
    ]);
  const doc = docs[0];
  const issues = doc.errors.map((e) =>
    e.code === 'DUPLICATE_KEY'
      ? duplicateIssue(doc, text, e, file)
      : `${file}: not valid YAML at ${lineColumn(text, e.pos[0])} — ${clip(e.message, 60)}`,
  );
  // an unknown tag (`!!js/function`, `!!binary`, `!custom`) would silently become a string
  for (const w of doc.warnings)
    issues.push(
      w.code === 'TAG_RESOLVE_FAILED'
        ? `${file}: YAML tag ${clip(text.slice(w.pos[0], w.pos[1]), 40)} at ${lineColumn(text, w.pos[0])} — not allowed; a case holds only maps, lists, strings, numbers, true/false and null`
        : `${file}: YAML at ${lineColumn(text, w.pos[0])} — ${clip(w.message, 60)}`,
    );
  if (issues.length > 0) throw refuse(file, issues.slice(0, 10));
  try {
    return doc.toJS({ maxAliasCount });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message))
      throw refuse(file, [
        `${file}: YAML aliases expand too far (more than ${maxAliasCount} uses, weighted by size) — a "billion laughs" pattern; write the values out`,
      ]);
    throw refuse(file, [`${file}: cannot be read as YAML — ${clip((e as Error).message, 80)}`]);
  }
}

/** `duplicate key "name" at line L, column C`, naming the key from the composed document. */
function duplicateIssue(doc: Document.Parsed, text: string, e: YAMLError, file: string): string {
  let key: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.range?.[0] === e.pos[0]) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
    },
  });
  const name = key === undefined ? 'a key' : `key ${JSON.stringify(clip(key, 40))}`;
  return `${file}: duplicate ${name} at ${lineColumn(text, e.pos[0])} — each key may appear only once in an object`;
}

/** Whether `value` nests maps and lists deeper than `limit` levels (cycles count as endless). */
export function deeperThan(value: unknown, limit: number): boolean {
  // depth-first with an explicit stack: a cycle (YAML `&a [*a]`) reaches the limit within `limit` steps
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
