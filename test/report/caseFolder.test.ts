import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultFile } from '../../src/report/caseFolder';

describe('reading a case folder back (batch resume)', () => {
  it('reads a result.json with an input hash, and nothing else', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stackpress-read-'));
    const folder = async (name: string) => {
      await mkdir(join(out, name));
      return join(out, name);
    };
    const ok = await folder('ok');
    await writeFile(join(ok, 'result.json'), JSON.stringify({ input: { file: 'a.json', hash: 'abc' } }));
    expect((await readResultFile(ok))?.input.hash).toBe('abc');
    const garbage = await folder('garbage');
    await writeFile(join(garbage, 'result.json'), '{"input": ');
    expect(await readResultFile(garbage)).toBeNull();
    expect(await readResultFile(join(out, 'missing'))).toBeNull();
    // planted in the output folder: reading these would block the batch or fill its memory
    const fifo = await folder('fifo');
    execFileSync('mkfifo', [join(fifo, 'result.json')]);
    expect(await readResultFile(fifo)).toBeNull();
    const zero = await folder('zero');
    await symlink('/dev/zero', join(zero, 'result.json'));
    expect(await readResultFile(zero)).toBeNull();
    const dir = await folder('dir');
    await mkdir(join(dir, 'result.json'));
    expect(await readResultFile(dir)).toBeNull();
  });
});
