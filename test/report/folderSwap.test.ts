import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleSiblings, replaceFolder } from '../../src/report/folderSwap';

const scratch = () => mkdtemp(join(tmpdir(), 'stackpress-swap-'));

/** A pid that surely belongs to no process: one that just exited. */
function deadPid(): number {
  return Number(
    execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString(),
  );
}

describe('replacing a folder whole', () => {
  it('leaves exactly the new files: nothing of the old folder survives, no temporary sibling stays', async () => {
    const out = await scratch();
    const dir = join(out, 'case');
    await replaceFolder(dir, { 'a.txt': 'one', 'b.txt': 'one' });
    await writeFile(join(dir, 'stray.txt'), 'from an older version');
    await replaceFolder(dir, { 'a.txt': 'two', 'c.bin': new Uint8Array([1, 2, 3]) });
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'c.bin']);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('two');
    expect([...(await readFile(join(dir, 'c.bin')))]).toEqual([1, 2, 3]);
    expect(await readdir(out)).toEqual(['case']);
  });

  it('replaces a file or a symlink in its place without writing through it', async () => {
    const out = await scratch();
    const elsewhere = await scratch();
    await writeFile(join(out, 'as-file'), 'not a folder');
    await replaceFolder(join(out, 'as-file'), { 'a.txt': 'x' });
    expect(await readdir(join(out, 'as-file'))).toEqual(['a.txt']);
    await writeFile(join(elsewhere, 'keep.txt'), 'not ours');
    await symlink(elsewhere, join(out, 'as-link'));
    await replaceFolder(join(out, 'as-link'), { 'a.txt': 'x' });
    await replaceFolder(join(out, 'as-link'), { 'a.txt': 'y' });
    expect(await readdir(elsewhere)).toEqual(['keep.txt']);
    expect(await readdir(join(out, 'as-link'))).toEqual(['a.txt']);
  });

  it('concurrent writers of one folder end with one whole version', async () => {
    const out = await scratch();
    const dir = join(out, 'case');
    await Promise.all(
      Array.from({ length: 8 }, (_, k) => replaceFolder(dir, { 'a.txt': `v${k}`, 'b.txt': `v${k}` })),
    );
    const [a, b] = [await readFile(join(dir, 'a.txt'), 'utf8'), await readFile(join(dir, 'b.txt'), 'utf8')];
    expect(a).toBe(b);
    expect(await readdir(out)).toEqual(['case']);
  });

  it('a failed write leaves the old folder as it was and no temporary folder', async () => {
    const out = await scratch();
    const dir = join(out, 'case');
    await replaceFolder(dir, { 'a.txt': 'old' });
    await expect(replaceFolder(dir, { 'a.txt': 'new', 'no/such/dir.txt': 'x' })).rejects.toThrow();
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('old');
    expect(await readdir(out)).toEqual(['case']);
  });

  it("clears dead writers' leftovers but not a live writer's, unless they are old", async () => {
    const out = await scratch();
    const dead = deadPid();
    const live = process.ppid;
    const names = [
      `.case.tmp-${dead}-0-abc123`,
      `.case.old-${dead}-1-def456`,
      `.other.tmp-${live}-0-aaa111`,
      `.other.old-${live}-0-bbb222`,
      `.case.tmp-${process.pid}-3-ccc333`,
      '.unrelated-hidden',
      'case',
    ];
    for (const n of names) await mkdir(join(out, n));
    const past = new Date(Date.now() - 11 * 60 * 1000);
    await utimes(join(out, `.other.old-${live}-0-bbb222`), past, past);
    await removeStaleSiblings(out);
    expect((await readdir(out)).sort()).toEqual(
      [
        `.case.tmp-${process.pid}-3-ccc333`,
        `.other.tmp-${live}-0-aaa111`,
        '.unrelated-hidden',
        'case',
      ].sort(),
    );
  });

  it('the first replacement in an output folder clears the leftovers there', async () => {
    const out = await scratch();
    await mkdir(join(out, `.case.tmp-${deadPid()}-0-abc123`));
    await replaceFolder(join(out, 'case'), { 'a.txt': 'x' });
    expect(await readdir(out)).toEqual(['case']);
  });
});
