import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Cross-origin isolation: the solver worker's two-thread factorization shares memory
 * (SharedArrayBuffer), which browsers allow only on isolated pages.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Open a browser only on an interactive desktop (not in CI, not over a bare SSH/container shell). */
const canOpenBrowser =
  !process.env.CI &&
  (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: {
    open: canOpenBrowser ? '/?case=default' : false,
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    headers: isolation,
  },
  preview: {
    open: canOpenBrowser ? '/?case=default' : false,
    headers: isolation,
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'es2022',
    // the solver and its React shell take most of the build in plugin transforms by design;
    // rolldown's notice that plugins dominate the build time has nothing to act on here
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
