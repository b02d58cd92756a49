import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeResultFields } from '../../src/presentation/fieldsFile';
import { historyGrid } from '../../src/presentation/historyMapsOf';
import { artifactsOf, type CaseArtifacts } from '../../src/report/caseArtifacts';
import { caseFolderFiles, writeCaseFolder } from '../../src/report/caseFolder';
import { solveCase } from '../../src/solveCase';
import { Pixels } from '../presentation/figures/figurePixels';
import { MEANS, syntheticHistory } from '../presentation/syntheticHistory';

const repo = new URL('../..', import.meta.url).pathname;

/** The bare Fig 5b housing on a coarse mesh and grid (no swelling), solved in about a second. */
function coarseBare(): CaseArtifacts {
  const raw = JSON.parse(readFileSync(join(repo, 'cases/fig5b-none.json'), 'utf8'));
  raw.mesh = { size: 10 };
  raw.output = { ...raw.output, gridSpacing: 5 };
  return artifactsOf(solveCase(raw));
}

/**
 * The same artifacts with the synthetic history in the summary and, as maps, the load-up map
 * scaled to each state's mean (state k: MEANS[k] / 5 × the load-up pressure).
 */
function withHistory(a: CaseArtifacts): CaseArtifacts {
  const g = a.fields.interfaces[0].grid;
  const grids = MEANS.map((m) =>
    historyGrid(
      g,
      g.values.map((v) => (v * m) / 5),
      0.01,
    ),
  );
  return {
    ...a,
    summary: { ...a.summary, history: syntheticHistory() },
    fields: { ...a.fields, history: { grids, contactThreshold: 0.01 } },
  };
}

const HISTORY_FILES = [
  'history-map-0.png',
  'history-map-0.svg',
  'history-map-3.png',
  'history-map-3.svg',
  'history-map-6.png',
  'history-map-6.svg',
  'history.csv',
  'history.png',
  'history.svg',
];

describe('the case folder of a case with a life history', () => {
  const plain = coarseBare();
  const input = { file: 'fig5b-none.json', hash: 'ab' };

  it('writes history.csv, the chart and a map per chosen state, beside everything a case writes', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stackpress-history-'));
    try {
      const a = withHistory(plain);
      const dir = join(out, 'lived');
      await writeCaseFolder(dir, a, input);
      const names = (await readdir(dir)).sort();
      for (const f of HISTORY_FILES) expect(names, f).toContain(f);
      for (const f of ['pressure.png', 'histogram.svg', 'fields.json', 'result.json', 'pressure.csv'])
        expect(names, f).toContain(f);
      const csv = await readFile(join(dir, 'history.csv'), 'utf8');
      expect(csv.trimEnd().split('\n')).toHaveLength(1 + 7);
      for (const name of ['history', 'history-map-3']) {
        const px = new Pixels(await readFile(join(dir, `${name}.png`)));
        expect([px.width, px.height], name).toEqual([1754, 1240]);
      }
      expect(await readFile(join(dir, 'history-map-6.svg'), 'utf8')).toContain('cycle 100 discharged');
      // the maps travel in fields.json: the viewer and the report draw any state from the folder
      const back = decodeResultFields(await readFile(join(dir, 'fields.json'), 'utf8')).fields;
      expect(back.history).toEqual(a.fields.history);
      const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'));
      expect(result.history.verdict.text).toBe(a.summary.history?.verdict.text);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('writes none of them for a case without a history', async () => {
    const { files } = await caseFolderFiles(plain, input);
    expect(Object.keys(files).filter((f) => f.startsWith('history'))).toEqual([]);
    expect(JSON.parse(files['fields.json'] as string).history).toBeNull();
  });

  it('writes the chart but no maps for a summary whose fields have no maps (a worker older than them)', async () => {
    const a = withHistory(plain);
    const { files } = await caseFolderFiles({ ...a, fields: { ...a.fields, history: null } }, input);
    expect(
      Object.keys(files)
        .filter((f) => f.startsWith('history'))
        .sort(),
    ).toEqual(['history.csv', 'history.png', 'history.svg']);
  });

  it('refuses maps that do not match the states, naming both counts', async () => {
    const a = withHistory(plain);
    const grids = a.fields.history!.grids.slice(0, 3);
    await expect(
      caseFolderFiles({ ...a, fields: { ...a.fields, history: { grids, contactThreshold: 0.01 } } }, input),
    ).rejects.toThrow(/3 maps for 7 states/);
  });
});
