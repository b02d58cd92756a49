import { Composer, CST, type Document, Lexer, Parser } from 'yaml';
import { InputError } from '../validation/parseInput';

/** Deepest nesting of maps and lists a case file may have; a real case needs about 7 levels. */
export const maxNesting = 64;

/** `line L, column C` of a character offset in `text`. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** Values and collections a case file may hold; yaml needs about 1 kB of memory for each. */
export const maxNodes = 200_000;

/** Lexer token types that start a value or a collection: what the node count counts. */
const nodeStarts = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'alias',
  'flow-map-start',
  'flow-seq-start',
  'seq-item-ind',
  'explicit-key-ind',
]);

/**
 * A first look with yaml's lexer, which streams tokens and holds none, before its parser, which
 * holds the whole tree (about 1 kB per node) and a stack as deep as the nesting: the offset where
 * flow brackets, or `- `/`? ` indicators on one line, nest deeper than `maxNesting`, or where the
 * node count passes `maxNodes` (with which of the two), or null.
 */
function lexicalExcess(text: string): { offset: number; what: 'nesting' | 'nodes' } | null {
  let offset = 0;
  let flow = 0;
  let compact = 0;
  let nodes = 0;
  let atScalar = false;
  for (const lexeme of new Lexer().lex(text)) {
    // the lexer marks a plain scalar with a control character before its source
    const type: string | null = atScalar ? 'scalar-source' : CST.tokenType(lexeme);
    atScalar = type === 'scalar';
    if (type && nodeStarts.has(type) && ++nodes > maxNodes) return { offset, what: 'nodes' };
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (++flow > maxNesting) return { offset, what: 'nesting' };
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (type === 'newline') compact = 0;
    else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind')) {
      if (++compact > maxNesting) return { offset, what: 'nesting' };
    }
    if (type !== 'scalar' && type !== 'doc-mode' && type !== 'flow-error-end') offset += lexeme.length;
  }
  return null;
}

/** Offset of the first map or list nested deeper than `maxNesting` in the CST, or -1. */
function tooDeepAt(tokens: CST.Token[]): number {
  // an explicit stack: the nesting being measured may be far deeper than the call stack allows
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (CST.isCollection(token)) {
      if (depth >= maxNesting) return token.offset;
      for (const item of token.items) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return -1;
}

/**
 * The YAML documents in `text` (JSON is YAML 1.2, so JSON text works with `schema: 'json'`).
 * The nesting is measured on yaml's concrete syntax tree, which its parser builds without
 * recursion, before composing, which recurses once per level: a deeply nested file is an input
 * error instead of a stack overflow. A lexer pass before that refuses what the parser would need
 * too much memory for: flow nesting past 64 levels, more than `maxNodes` values. Duplicate keys are errors, `<<` merge keys are plain keys,
 * and no custom tags are known (an unknown tag is a warning on the document).
 */
export function composeYaml(text: string, schema: 'core' | 'json', file: string): Document.Parsed[] {
  const tooDeep = (offset: number) =>
    new InputError(`case file ${file}`, [
      `${file}: nested deeper than ${maxNesting} levels at ${lineColumn(text, offset)} — at most ${maxNesting} levels of maps and lists`,
    ]);
  const excess = lexicalExcess(text);
  if (excess?.what === 'nesting') throw tooDeep(excess.offset);
  if (excess?.what === 'nodes')
    throw new InputError(`case file ${file}`, [
      `${file}: more than ${maxNodes} values (passed at ${lineColumn(text, excess.offset)}) — at most ${maxNodes}; put a large flatness map into a CSV file`,
    ]);
  const tokens = Array.from(new Parser().parse(text));
  const deep = tooDeepAt(tokens);
  if (deep >= 0) throw tooDeep(deep);
  const composer = new Composer({
    schema,
    merge: false,
    // yaml would otherwise resolve YAML 1.1 tags such as !!binary (to a Buffer) in core documents
    resolveKnownTags: false,
    uniqueKeys: true,
    strict: true,
    version: '1.2',
    logLevel: 'error',
  });
  return Array.from(composer.compose(tokens, true, text.length));
}
