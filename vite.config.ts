import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compress } from './web/build/compress.ts';

// Absolute, so the build works the same when started from another directory (src/web-build.ts).
const root = fileURLToPath(new URL('./web', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), compress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: false,
    // Two pages: the signed-in app, and the rater form on its own (issue 4: ≤ 150 KB compressed,
    // split from the rest of the app), which src/platform/http/static.ts serves for /rate/*.
    rollupOptions: {
      input: { main: `${root}/index.html`, rate: `${root}/rate.html` },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
