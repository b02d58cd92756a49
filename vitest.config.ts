import { defineConfig } from 'vitest/config';
import suites from './test/suites.json' with { type: 'json' };

/**
 * The unit suite (`npm test`): everything that runs in this process. Tests that spawn the CLI,
 * need a redis-server or kill processes are the integration suite (test/suites.json, run by
 * test/integration/vitest.config.ts), the browser tests the e2e suite (test/e2e/).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', ...suites.integration, 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
