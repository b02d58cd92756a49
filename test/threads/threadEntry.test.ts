import { describe, expect, it } from 'vitest';
import { threadEntry } from '../../src/threads/threadEntry';

describe('threadEntry', () => {
  it('from a TypeScript source: the .mjs shim beside it', () => {
    const url = threadEntry('file:///repo/src/cli/solverThread.ts', './caseWorker.mjs', 'cli/caseWorker.js');
    expect(url.href).toBe('file:///repo/src/cli/caseWorker.mjs');
  });

  it('from any compiled file one folder below dist/: the compiled entry', () => {
    for (const caller of ['chunks/chunk-ABC123.js', 'cli/stackpress.js', 'threads/factorHelperWorker.js']) {
      const url = threadEntry(`file:///pkg/dist/${caller}`, './caseWorker.mjs', 'cli/caseWorker.js');
      expect(url.href, caller).toBe('file:///pkg/dist/cli/caseWorker.js');
    }
  });

  it('keeps a folder name with spaces and non-ASCII letters', () => {
    const url = threadEntry(
      'file:///home/j%C3%B6rg/my%20apps/node_modules/stackpress/dist/chunks/chunk-X.js',
      './factorHelperWorker.mjs',
      'threads/factorHelperWorker.js',
    );
    expect(url.href).toBe(
      'file:///home/j%C3%B6rg/my%20apps/node_modules/stackpress/dist/threads/factorHelperWorker.js',
    );
  });

  it('from this test, running through vitest: the shim', () => {
    expect(threadEntry(import.meta.url, './x.mjs', 'cli/x.js').pathname).toMatch(/\/test\/threads\/x\.mjs$/);
  });
});
