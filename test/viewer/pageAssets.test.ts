import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';

const viewer = join(import.meta.dirname, '../../viewer');

describe('viewer page assets', () => {
  it('index.html links an SVG favicon that public/ ships, so the page asks for nothing that 404s', () => {
    const html = readFileSync(join(viewer, 'index.html'), 'utf8');
    const link = html.match(/<link rel="icon" type="image\/svg\+xml" href="\.\/([^"]+)"/);
    expect(link, 'a <link rel="icon"> in index.html').not.toBeNull();
    const file = join(viewer, 'public', link![1]);
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox=/);
  });

  it('the build turns off rolldown’s plugin-timings notice', async () => {
    const config = (await import('../../viewer/vite.config')).default as UserConfig;
    expect(config.build?.rolldownOptions?.checks?.bundlerTimings).toBe(false);
  });
});
