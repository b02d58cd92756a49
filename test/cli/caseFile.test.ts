import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/cli/caseFile';
import { InputError } from '../../src/validation/parseInput';

const map = 'y,0,75,150\n0,0,2,0\n75,2,5,2\n150,0,2,0\n';

/** The message loadCaseFile refuses with (the test fails if it loads). */
async function refusal(file: string, dataDirs?: string[]): Promise<string> {
  try {
    await loadCaseFile(file, { dataDirs });
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error(`${file} loaded`);
}

describe('case file loader: where files may be read from', () => {
  let root: string;
  let cases: string;
  let shared: string;
  /** a case file in `cases/` whose top flatness map is `file` */
  const caseWith = async (name: string, file: string) => {
    const path = join(cases, name);
    await writeFile(path, JSON.stringify({ plates: { top: { flatness: { type: 'map', file } } } }));
    return path;
  };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'stackpress-load-'));
    cases = join(root, 'cases');
    shared = join(root, 'shared');
    await mkdir(join(cases, 'maps'), { recursive: true });
    await mkdir(shared);
    await writeFile(join(cases, 'maps', 'top.csv'), map);
    await writeFile(join(shared, 'top.csv'), map);
    await writeFile(join(root, 'secret.csv'), 'y,0,150\nroot:x:0:0:secret,1,2\n150,1,2\n');
    await symlink(join(root, 'secret.csv'), join(cases, 'out-link.csv'));
    await symlink(join(cases, 'maps', 'top.csv'), join(cases, 'in-link.csv'));
    await symlink(join(shared, 'top.csv'), join(cases, 'shared-link.csv'));
  });

  it('reads a map inside the case folder, directly or through a symlink that stays inside', async () => {
    for (const file of ['maps/top.csv', './maps/../maps/top.csv', 'in-link.csv']) {
      const raw = (await loadCaseFile(await caseWith('ok.json', file))) as {
        plates: { top: { flatness: { grid: { values: number[][] } } } };
      };
      expect(raw.plates.top.flatness.grid.values[1][1]).toBe(5);
    }
  });

  it('refuses absolute paths, ../ escapes and symlinks that leave the folder, naming the field', async () => {
    const cases_: [string, string][] = [
      ['/etc/passwd', 'is outside the allowed folders'],
      [join(root, 'secret.csv'), 'is outside the allowed folders'],
      ['../secret.csv', 'is outside the allowed folders'],
      ['../../../../../../../../etc/passwd', 'is outside the allowed folders'],
      ['maps/../../secret.csv', 'is outside the allowed folders'],
      ['out-link.csv', 'is a symbolic link to a file outside the allowed folders'],
      ['/proc/self/environ', 'is outside the allowed folders'],
      ['/dev/zero', 'is outside the allowed folders'],
    ];
    for (const [file, reason] of cases_) {
      const message = await refusal(await caseWith('bad.json', file));
      expect(message).toContain(`plates.top.flatness.file: ${JSON.stringify(file)} ${reason}`);
      expect(message).toContain(`inside its folder ${cases}`);
      expect(message).not.toContain('root:x');
      expect(message).not.toContain('secret,1');
    }
  });

  it('reads from a --data-dir folder, and only with it', async () => {
    const file = await caseWith('shared.json', '../shared/top.csv');
    expect(await refusal(file)).toContain('"../shared/top.csv" is outside the allowed folders');
    const raw = (await loadCaseFile(file, { dataDirs: [shared] })) as {
      plates: { top: { flatness: { grid: { x: number[] } } } };
    };
    expect(raw.plates.top.flatness.grid.x).toEqual([0, 75, 150]);
    // a symlink from the case folder into the data folder is fine with the flag, not without
    const linked = await caseWith('linked.json', 'shared-link.csv');
    expect(await refusal(linked)).toContain('is a symbolic link to a file outside the allowed folders');
    await expect(loadCaseFile(linked, { dataDirs: [shared] })).resolves.toBeTruthy();
    // the data folder does not open the rest of the disk
    expect(await refusal(await caseWith('bad.json', '../secret.csv'), [shared])).toContain(
      'or a --data-dir folder',
    );
  });

  it('refuses folders, missing files, FIFOs and oversized maps without reading them', async () => {
    expect(await refusal(await caseWith('dir.json', 'maps'))).toContain('"maps" is a folder');
    expect(await refusal(await caseWith('dir.json', '.'))).toContain('"." is a folder');
    expect(await refusal(await caseWith('missing.json', 'nowhere.csv'))).toContain(
      '"nowhere.csv" does not exist',
    );
    execFileSync('mkfifo', [join(cases, 'pipe.csv')]);
    // reading a FIFO would block until a writer comes: the test would time out
    expect(await refusal(await caseWith('fifo.json', 'pipe.csv'))).toContain(
      '"pipe.csv" is a FIFO (named pipe)',
    );
    // a sparse file: 16 MiB + 1 byte on paper, nothing on disk
    const big = join(cases, 'big.csv');
    await writeFile(big, map);
    await truncate(big, 16 * 2 ** 20 + 1);
    expect(await refusal(await caseWith('big.json', 'big.csv'))).toContain(
      '"big.csv" is 16.0 MiB (16777217 bytes) — a flatness map',
    );
    await truncate(big, 16 * 2 ** 20);
    // exactly at the limit it is read (and then fails as CSV, on its NUL bytes)
    expect(await refusal(await caseWith('big.json', 'big.csv'))).toContain('must be a decimal number');
  });

  it('refuses a case file that is not a regular file of at most 1 MiB', async () => {
    expect(await refusal(cases)).toContain(
      `${cases}: is a folder — a case file must be a regular JSON or YAML file`,
    );
    execFileSync('mkfifo', [join(root, 'case-pipe.json')]);
    expect(await refusal(join(root, 'case-pipe.json'))).toContain('is a FIFO (named pipe)');
    expect(await refusal('/dev/zero')).toContain('/dev/zero: is a character device');
    expect(await refusal(join(root, 'none.json'))).toContain('none.json: does not exist');
    const big = join(root, 'big.json');
    await writeFile(big, '{}');
    await truncate(big, 2 ** 20 + 1);
    expect(await refusal(big)).toContain('big.json: is 1.0 MiB (1048577 bytes) — a case file must be');
  });

  it('refuses UTF-16 files with a hint', async () => {
    const file = join(root, 'utf16.json');
    const handle = await open(file, 'w');
    await handle.writeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a": 1}', 'utf16le')]));
    await handle.close();
    expect(await refusal(file)).toContain('is UTF-16 text — save it as UTF-8');
  });

  it('names the case file and the map in CSV errors, without echoing the file', async () => {
    await writeFile(join(cases, 'hex.csv'), 'y,0,150\n0,0x10,2\n150,1,2\n');
    const message = await refusal(await caseWith('hex.json', 'hex.csv'));
    expect(message).toContain(`invalid case file ${join(cases, 'hex.json')}`);
    expect(message).toContain('plates.top.flatness.file ("hex.csv") row 2, column 2 (height [µm]): "0x10"');
    expect(await readFile(join(cases, 'hex.csv'), 'utf8')).toContain('0x10');
  });
});
