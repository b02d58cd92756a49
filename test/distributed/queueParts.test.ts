import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { inputHash } from '../../src/cli/inputHash';
import { FinishedResults } from '../../src/distributed/finishedResults';
import { parseQueuedCase } from '../../src/distributed/queuedCase';
import { SolverLanes } from '../../src/distributed/solverLanes';

/** The queue worker's parts that need no Redis: payload check, kept results, lanes. */
describe('parseQueuedCase', () => {
  const raw = { name: 'any case' };
  const good = { raw, input: { file: 'a.json', hash: inputHash(raw) }, timeoutMs: 1000 };
  const reject = (data: unknown) => {
    try {
      parseQueuedCase(data);
    } catch (e) {
      expect(e).toBeInstanceOf(UnrecoverableError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };

  it('accepts what the submitter sends', () => {
    expect(parseQueuedCase(good)).toEqual(good);
  });

  it('rejects each broken payload, unretried, naming the field', () => {
    expect(reject(null)).toMatch(/^job payload is not a stackpress case: payload: .*null/);
    expect(reject('a string')).toMatch(/payload: .*string/);
    expect(reject([])).toMatch(/payload: .*array/);
    expect(reject({})).toMatch(/raw: missing.*input: .*timeoutMs: /);
    expect(reject({ ...good, raw: undefined })).toMatch(/raw: missing/);
    expect(reject({ ...good, input: { file: 'a.json', hash: 'abc' } })).toMatch(
      /input\.hash: must be a sha256/,
    );
    expect(reject({ ...good, input: { file: 'x'.repeat(5000), hash: good.input.hash } })).toMatch(
      /input\.file: /,
    );
    for (const timeoutMs of [0, -1, 1.5, 2 ** 31, Number.NaN, '1000'])
      expect(reject({ ...good, timeoutMs })).toMatch(/timeoutMs: .*a whole number of ms, 1–2147483647/);
  });

  it('rejects a hash that is not the case’s own, and a raw too deep to hash', () => {
    expect(reject({ ...good, input: { file: 'a.json', hash: 'f'.repeat(64) } })).toMatch(
      /input\.hash f{64} is not the sha256 of its raw case/,
    );
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(reject({ ...good, raw: deep })).toMatch(/raw: .*call stack/);
  });
});

describe('FinishedResults', () => {
  it('keeps at most maxEntries, dropping the least recently used', () => {
    const kept = new FinishedResults(2, 1000);
    kept.set('a', 'A');
    kept.set('b', 'B');
    expect(kept.get('a')).toBe('A'); // a is now the most recent
    kept.set('c', 'C');
    expect(kept.get('b')).toBeUndefined();
    expect(kept.all().map(([h]) => h)).toEqual(['a', 'c']);
  });

  it('keeps at most maxChars, and never an entry larger than that', () => {
    const kept = new FinishedResults(10, 10);
    kept.set('a', 'x'.repeat(6));
    kept.set('b', 'y'.repeat(4));
    expect(kept.all().map(([h]) => h)).toEqual(['a', 'b']);
    kept.set('c', 'z');
    expect(kept.all().map(([h]) => h)).toEqual(['b', 'c']);
    kept.set('d', 'w'.repeat(11));
    expect(kept.get('d')).toBeUndefined();
    // replacing an entry counts its new length only
    kept.set('b', 'v'.repeat(9));
    expect(kept.all()).toEqual([
      ['c', 'z'],
      ['b', 'v'.repeat(9)],
    ]);
  });
});

describe('SolverLanes', () => {
  const abort = new Int32Array(new SharedArrayBuffer(4));

  it('gives a lane back when the work throws', async () => {
    const lanes = new SolverLanes(1, abort);
    for (let i = 0; i < 5; i++)
      await expect(
        lanes.use(async () => {
          throw new Error(`bad job ${i}`);
        }),
      ).rejects.toThrow(`bad job ${i}`);
    expect(lanes.free).toBe(1);
    expect(await lanes.use(async (thread) => typeof thread.solve)).toBe('function');
    await lanes.close();
  });

  it('runs no more work at once than it has lanes, and waits instead of failing', async () => {
    const lanes = new SolverLanes(2, abort);
    let running = 0;
    let most = 0;
    const work = () =>
      lanes.use(async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
      });
    await Promise.all(Array.from({ length: 7 }, work));
    expect(most).toBe(2);
    expect(lanes.free).toBe(2);
    await lanes.whenIdle();
    await lanes.close();
  });
});
