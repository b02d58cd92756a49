import { defineConfig } from 'vitest/config';

/** End-to-end tests of the viewer: a production build served by `vite preview`, driven in Debian Chromium. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
