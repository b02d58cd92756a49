import { describe, expect, it } from 'vitest';
import { type CaseFormat, parseCaseText } from '../../src/cli/parseCaseText';
import { InputError } from '../../src/validation/parseInput';

/** The issues parseCaseText refuses `text` with (the test fails if it parses). */
function refusal(text: string, format: CaseFormat): string {
  try {
    parseCaseText(text, format, `case.${format}`);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).issues.join('\n');
  }
  throw new Error('parsed');
}

const secret = 'hunter2-very-secret-token';

describe('case text parsing', () => {
  it('reads JSON and YAML objects, with or without a BOM', () => {
    expect(parseCaseText('{"a": {"b": [1, 2]}}', 'json', 'c')).toEqual({ a: { b: [1, 2] } });
    expect(parseCaseText('\uFEFF{"a": 1}', 'json', 'c')).toEqual({ a: 1 });
    expect(parseCaseText('a:\n  b: [1, 2]\n', 'yaml', 'c')).toEqual({ a: { b: [1, 2] } });
    expect(parseCaseText('\uFEFFa: 1\n', 'yaml', 'c')).toEqual({ a: 1 });
  });

  it('duplicate keys are errors naming the key and its line, in JSON as in YAML', () => {
    expect(refusal('{\n  "mesh": {"size": 5},\n  "mesh": {"size": 10}\n}', 'json')).toBe(
      'case.json: duplicate key "mesh" at line 3, column 3 — each key may appear only once in an object',
    );
    // the same key written with an escape is the same key
    expect(refusal('{"a": 1, "\\u0061": 2}', 'json')).toContain('duplicate key "a" at line 1, column 10');
    expect(refusal('plates:\n  Lx: 150\n  Lx: 200\n', 'yaml')).toBe(
      'case.yaml: duplicate key "Lx" at line 3, column 3 — each key may appear only once in an object',
    );
  });

  it('JSON syntax errors give the line and column but never the text around them', () => {
    const cases: [string, string][] = [
      [`{"description": "${secret}" oops}`, 'line 1, column 45 — Expected'],
      [`{"a": 1,\n "description": "${secret}",\n "b": tru}`, 'at line 3, column 7'],
      [`{"a": x, "description": "${secret}"}`, 'at line 1, column 7 — Unexpected token'],
      [`{"description": "${secret}",`, 'at line 1, column 45 — Expected double-quoted property name'],
      [`{"description": "${secret}"} trailing`, 'at line 1, column 46 — Unexpected non-whitespace character'],
      [`{"description": "${secret}", /* comment */}`, 'not valid JSON at line 1'],
    ];
    for (const [text, fragment] of cases) {
      const message = refusal(text, 'json');
      expect(message).toContain(fragment);
      expect(message).not.toContain('hunter2');
    }
  });

  it('deep nesting is an input error at parse time, not a stack overflow', () => {
    const deep = (n: number) => `{"description": ${'['.repeat(n)}${']'.repeat(n)}}`;
    expect(parseCaseText(deep(63), 'json', 'c')).toBeTruthy();
    expect(refusal(deep(64), 'json')).toContain('nested deeper than 64 levels at line 1, column 80');
    // 11 KB of brackets used to crash the checks with a RangeError
    expect(refusal(deep(5500), 'json')).toContain('nested deeper than 64 levels');
    // cut short, it is a syntax error first
    expect(refusal(`{"d": ${'['.repeat(100_000)}`, 'json')).toContain('Unexpected end of JSON input');
    expect(refusal(`d: ${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'yaml')).toContain(
      'nested deeper than 64',
    );
    expect(refusal(`${'- '.repeat(10_000)}1`, 'yaml')).toContain('nested deeper than 64 levels at line 1');
    const indented = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(refusal(`${indented} 1`, 'yaml')).toContain('nested deeper than 64 levels at line 65');
  });

  it('more than 200000 values are refused before yaml builds its tree (about 1 kB each)', () => {
    const values = (n: number) => Array(n).fill(0).join(',');
    expect(parseCaseText(`{"a": [${values(199_000)}]}`, 'json', 'c')).toBeTruthy();
    expect(refusal(`{"a": [${values(200_001)}]}`, 'json')).toContain(
      'more than 200000 values (passed at line 1',
    );
    expect(refusal(`a: [${values(200_001)}]`, 'yaml')).toContain('more than 200000 values');
    expect(refusal(`a:\n${'  - 1\n'.repeat(200_001)}`, 'yaml')).toContain('more than 200000 values');
  });

  it('YAML alias bombs and self-referencing aliases are refused', () => {
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((k, i) => {
        const prev = 'abcdefghi'[i];
        return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`;
      }),
    ].join('\n');
    expect(refusal(laughs, 'yaml')).toContain('YAML aliases expand too far');
    expect(refusal('a: &a [*a]\n', 'yaml')).toContain('nested deeper than 64 levels (through YAML aliases)');
    // a few aliases are ordinary YAML
    expect(parseCaseText('p: &p {x: 1}\nq: *p\n', 'yaml', 'c')).toEqual({ p: { x: 1 }, q: { x: 1 } });
  });

  it('YAML tags outside the core schema and merge keys do not sneak in', () => {
    expect(refusal('a: !!js/function "function () { return 1 }"\n', 'yaml')).toContain(
      'YAML tag !!js/function at line 1, column 4 — not allowed',
    );
    expect(refusal('a: !custom 3\n', 'yaml')).toContain('YAML tag !custom');
    expect(refusal('a: !!binary aGVsbG8=\n', 'yaml')).toContain('YAML tag !!binary');
    expect(refusal('a: !!set {x}\n', 'yaml')).toContain('YAML tag !!set');
    expect(refusal('%YAML 1.1\n---\na: !!binary aGVsbG8=\n', 'yaml')).toContain('YAML tag !!binary');
    // `<<` stays a plain key (the schema check then refuses it as unknown)
    expect(parseCaseText('p: &p {x: 1}\nq:\n  <<: *p\n', 'yaml', 'c')).toEqual({
      p: { x: 1 },
      q: { '<<': { x: 1 } },
    });
    expect(parseCaseText('a: !!str 5\nb: !!int "7"\n', 'yaml', 'c')).toEqual({ a: '5', b: 7 });
  });

  it('anything but one object at the top is refused', () => {
    expect(refusal('', 'json')).toBe('case.json: is empty — must hold one case object');
    expect(refusal('\uFEFF  \n', 'yaml')).toBe('case.yaml: is empty — must hold one case object');
    expect(refusal('[1, 2]', 'json')).toContain('holds a list — must hold one case object');
    expect(refusal('null', 'json')).toContain('holds null');
    expect(refusal('"text"', 'json')).toContain('holds a string');
    expect(refusal('42\n', 'yaml')).toContain('holds a number');
    expect(refusal('- a\n- b\n', 'yaml')).toContain('holds a list');
    expect(refusal('# only a comment\n', 'yaml')).toContain('holds null');
    expect(refusal('a: 1\n---\nb: 2\n', 'yaml')).toContain('holds 2 YAML documents');
  });

  it('YAML syntax errors give the line, not the text', () => {
    const message = refusal(`description: "${secret}\nplates: [1, 2\n`, 'yaml');
    expect(message).toContain('not valid YAML at line');
    expect(message).not.toContain('hunter2');
  });

  it('__proto__ keys stay plain data and never reach Object.prototype', () => {
    const json = parseCaseText('{"__proto__": {"polluted": 1}}', 'json', 'c');
    const yaml = parseCaseText('__proto__:\n  polluted: 1\n', 'yaml', 'c');
    for (const v of [json, yaml]) {
      expect(Object.keys(v)).toEqual(['__proto__']);
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
