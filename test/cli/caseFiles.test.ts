import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCaseFiles } from '../../src/cli/caseFiles';
import { InputError } from '../../src/validation/parseInput';

describe('case file expansion', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stackpress-find-'));
    await mkdir(join(dir, 'sub', 'deeper'), { recursive: true });
    await mkdir(join(dir, 'folder.json'));
    await writeFile(join(dir, 'a.json'), '{}');
    await writeFile(join(dir, 'b.yaml'), 'a: 1');
    await writeFile(join(dir, 'notes.txt'), '');
    await writeFile(join(dir, 'sub', 'deeper', 'c.yml'), 'a: 1');
    await symlink(join(dir, 'a.json'), join(dir, 'link.json'));
    await symlink(join(dir, 'nowhere.json'), join(dir, 'dangling.json'));
    // reading a FIFO blocks until a writer opens it: a batch over this folder used to hang
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    execFileSync('mkfifo', [join(dir, 'sub', 'pipe.yaml')]);
  });

  it('a folder gives its regular case files (and symlinks to them), never FIFOs or folders', async () => {
    expect(await findCaseFiles(dir)).toEqual(['a.json', 'b.yaml', 'link.json'].map((f) => join(dir, f)));
  });

  it('a glob gives regular files only', async () => {
    expect(await findCaseFiles(join(dir, '**/*'))).toEqual(
      ['a.json', 'b.yaml', 'link.json', 'sub/deeper/c.yml'].map((f) => join(dir, f)),
    );
    expect(await findCaseFiles(join(dir, 'sub/*.yaml')).catch((e) => e)).toBeInstanceOf(InputError);
  });

  it('a FIFO named directly is an input error, not a hang', async () => {
    await expect(findCaseFiles(join(dir, 'pipe.json'))).rejects.toThrow(
      /pipe\.json: not a regular file or folder/,
    );
  });
});
