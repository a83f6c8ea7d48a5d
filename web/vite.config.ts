import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The dashboard: built into web/dist, which the local server (functions/runtime/local.ts) and
// the CDK stack's bucket both serve, with index.html for client-side routes.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // One chunk of about 590 kB (171 kB gzipped; npm run bench checks it against 200 kB), so
    // Vite's 500 kB warning would only add noise to every `npm start`.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `npm start` (port 3000) for hot reload.
    proxy: { '/api': 'http://localhost:3000', '/auth/authorize': 'http://localhost:3000', '/auth/token': 'http://localhost:3000' },
  },
});
