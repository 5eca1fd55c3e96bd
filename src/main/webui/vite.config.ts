import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Quinoa runs `npm run build` and serves dist/ at /; in `quarkus dev` it proxies to this dev server.
export default defineConfig({
  plugins: [preact()],
  server: { port: 5173, strictPort: true },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 4000 },
  // cornerstone3D: the DICOM image loader decodes in an ES-module worker and must not be pre-bundled
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@cornerstonejs/dicom-image-loader'], include: ['dicom-parser'] },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
