import { defineConfig } from 'vitest/config';
import suites from '../suites.json' with { type: 'json' };

/**
 * The integration suite (`npm run test:integration`): the CLI as a separate process, batches on
 * worker threads, the BullMQ queue on a real redis-server (apt-get install -y redis-server), and
 * processes killed mid-write. One file at a time: each starts its own processes on two cores.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: suites.integration,
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
