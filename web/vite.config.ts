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
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `npm start` (port 3000) for hot reload.
    proxy: { '/api': 'http://localhost:3000', '/auth/authorize': 'http://localhost:3000', '/auth/token': 'http://localhost:3000' },
  },
});
