import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { rangeOption, varyOption } from '../../src/cli/sweepSpec';

describe('sweep options', () => {
  it('--vary and --range refuse __proto__, constructor and prototype, naming the path', () => {
    for (const path of ['__proto__.valueOf', 'plates.constructor', 'a.prototype.b', 'x[0].__proto__']) {
      expect(() => varyOption(`${path}=1`)).toThrow(InvalidArgumentError);
      expect(() => varyOption(`${path}=1`)).toThrow(`--vary ${path}: `);
      expect(() => rangeOption(`${path}=1:2`)).toThrow(`--range ${path}: `);
    }
    expect(typeof Object.prototype.valueOf).toBe('function');
  });

  it('--vary reads decimal numbers as numbers and anything else as JSON or text', () => {
    expect(varyOption('a=1,-2.5,3e2,.5').at(0)?.values).toEqual([1, -2.5, 300, 0.5]);
    // hex and Infinity are not numbers here, as in case files (the case check then refuses the text)
    expect(varyOption('a=0x10,Infinity,true,"s",{"k":1}').at(0)?.values).toEqual([
      '0x10',
      'Infinity',
      true,
      's',
      { k: 1 },
    ]);
    expect(() => varyOption('a=1e400')).toThrow(/out of range/);
    expect(() => varyOption(`a=${'['.repeat(100)}${']'.repeat(100)}`)).toThrow(/deeper than 64 levels/);
  });

  it('--range bounds are decimal numbers', () => {
    expect(rangeOption('a=1:2.5:int')).toEqual([{ path: 'a', lo: 1, hi: 2.5, integer: true }]);
    expect(() => rangeOption('a=0x1:0x10')).toThrow(/--range must read path=lo:hi/);
    expect(() => rangeOption('a=1:Infinity')).toThrow(/--range must read path=lo:hi/);
  });
});
