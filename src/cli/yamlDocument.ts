import { Composer, CST, type Document, Parser } from 'yaml';
import { InputError } from '../validation/parseInput';

/** Deepest nesting of maps and lists a case file may have; a real case needs about 7 levels. */
export const maxNesting = 64;

/** `line L, column C` of a character offset in `text`. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
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
 * error instead of a stack overflow. Duplicate keys are errors, `<<` merge keys are plain keys,
 * and no custom tags are known (an unknown tag is a warning on the document).
 */
export function composeYaml(text: string, schema: 'core' | 'json', file: string): Document.Parsed[] {
  const tokens = Array.from(new Parser().parse(text));
  const deep = tooDeepAt(tokens);
  if (deep >= 0)
    throw new InputError(`case file ${file}`, [
      `${file}: nested deeper than ${maxNesting} levels at ${lineColumn(text, deep)} — at most ${maxNesting} levels of maps and lists`,
    ]);
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
